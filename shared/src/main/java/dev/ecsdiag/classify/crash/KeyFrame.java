package dev.ecsdiag.classify.crash;

/**
 * One frame a stack walk picked: as titles use it (wrapper prefix stripped, renamed by the
 * extractor) and as printed.
 */
record KeyFrame(String canonical, String raw) {

    static final KeyFrame CORRUPTED = new KeyFrame(TitleTemplate.CORRUPTED, TitleTemplate.CORRUPTED);

    boolean corrupted() {
        return TitleTemplate.CORRUPTED.equals(canonical);
    }
}
