package dev.ecsdiag.classify.crash;

/**
 * What parsing crash reports remembers from one report to the next: canonical titles
 * ({@link TitleCanon}) and which frames the skip lists drop ({@link SkipAnswers}). Both repeat
 * across reports and logs, so a classifier keeps one for all the logs it reads; both are bounded
 * and thread-safe, and belong to their owner alone: nothing is kept JVM-wide.
 */
public final class ParserMemory {

    private final TitleCanon titles = new TitleCanon();
    private final SkipAnswers skips = new SkipAnswers();

    public TitleCanon titles() {
        return titles;
    }

    SkipAnswers skips() {
        return skips;
    }
}
