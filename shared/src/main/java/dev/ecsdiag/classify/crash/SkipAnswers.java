package dev.ecsdiag.classify.crash;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which frames each skip list drops, remembered: the same helper frames appear in every report of
 * every log, and a list holds a hundred patterns. Owned by one classifier (through its
 * {@link ParserMemory}), so nothing is kept JVM-wide; bounded per list, so adversarial logs cannot
 * grow it; thread-safe, as the classifier is.
 */
final class SkipAnswers {

    private static final int MAX_PER_LIST = 4096;

    private final Map<SkipMatcher, Map<String, Boolean>> answers = new ConcurrentHashMap<>();

    boolean skips(SkipMatcher list, String frame) {
        Map<String, Boolean> known = answers.get(list);
        if (known == null) {
            known = answers.computeIfAbsent(list, l -> new ConcurrentHashMap<>());
        }
        Boolean answer = known.get(frame);
        if (answer != null) {
            return answer;
        }
        boolean result = list.skips(frame);
        if (known.size() < MAX_PER_LIST) {
            known.put(frame, result);
        }
        return result;
    }
}
