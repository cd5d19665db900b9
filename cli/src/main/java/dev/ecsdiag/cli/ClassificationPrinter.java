package dev.ecsdiag.cli;

import dev.ecsdiag.classify.Classification;

/** Writes one file's classification in one output format. */
interface ClassificationPrinter {

    void print(String file, Classification result);

    /** After the last file. */
    default void finish() {
    }
}
