package sigprop.report;

/** What a writer does when its target file already exists. */
public enum IfExists {
  /** Throw {@link java.nio.file.FileAlreadyExistsException} and leave the file as it is. */
  FAIL,
  /** Replace the file atomically: a reader sees either the old or the new content. */
  REPLACE
}
