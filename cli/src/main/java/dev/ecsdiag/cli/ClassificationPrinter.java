package dev.ecsdiag.cli;

import dev.ecsdiag.classify.Classification;

/** Writes one file's classification in one output format. */
interface ClassificationPrinter {

    void print(String file, Classification result);

    /** A screenshot read as text: the same output as a console log, plus where it came from and the recognised rows. */
    void printScreen(String file, dev.ecsdiag.screen.ScreenReading screen);

    /** After the last file. */
    default void finish() {
    }
}
