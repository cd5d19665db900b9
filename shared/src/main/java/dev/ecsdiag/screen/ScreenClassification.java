package dev.ecsdiag.screen;

import dev.ecsdiag.classify.Classification;
import java.util.List;

/**
 * What a screen's text says.
 *
 * @param classification the console classifier's result over the screen's lines, with the screen's
 *                       own rules (firmware, GRUB, Windows stop screens) added
 * @param text           the lines as the console printed them (wrapped rows joined), newline-separated
 * @param decidingRows   0-based screen rows of the lines that decided the verdict (empty for healthy)
 * @param rule           which rule decided: {@code console-classifier} or a screen rule's name
 */
public record ScreenClassification(Classification classification, String text, List<Integer> decidingRows, String rule)
        implements java.io.Serializable {

    public ScreenClassification {
        decidingRows = List.copyOf(decidingRows);
    }
}
