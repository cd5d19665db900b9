package dev.ecsdiag.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the built-in fleet's scene to the present. Its fixtures are dated on one day (a CI build on
 * 2026-11-25, 09:00 to 09:17 UTC); served as they are, a collection with the usual event window
 * ({@code --event-window 24}) would not see their system events. Every time of the scene (creation,
 * console update, events) moves by the same amount so that the scene ends {@link #ENDED_AGO} before
 * the emulator serves it; order and spacing stay as they were, a scheduled maintenance stays ahead.
 */
public final class SceneTime {

    /** The last moment of the built-in scene: the host failure's stop finished at 09:16:40. */
    static final Instant SCENE_END = Instant.parse("2026-11-25T09:20:00Z");
    /** How long before "now" the moved scene ends. */
    static final Duration ENDED_AGO = Duration.ofMinutes(5);

    private SceneTime() {
    }

    /** The fleet with its times moved so that the scene ends {@link #ENDED_AGO} before {@code now}. */
    public static List<EmulatedInstance> movedTo(List<EmulatedInstance> fleet, Instant now) {
        Duration shift = Duration.between(SCENE_END, now.minus(ENDED_AGO).truncatedTo(ChronoUnit.SECONDS));
        List<EmulatedInstance> out = new ArrayList<>(fleet.size());
        for (EmulatedInstance i : fleet) {
            List<SystemEventFixture> events = new ArrayList<>();
            for (SystemEventFixture e : i.events()) {
                events.add(new SystemEventFixture(e.eventId(), e.type(), e.cycleStatus(), moved(e.publishTime(), shift),
                        moved(e.notBefore(), shift), moved(e.finishTime(), shift), e.reason(), e.impactLevel()));
            }
            out.add(new EmulatedInstance(i.id(), i.name(), i.status(), i.regionId(), i.zoneId(), i.instanceType(),
                    moved(i.creationTime(), shift), i.tags(), i.console(), i.screenshot(), moved(i.lastUpdateTime(), shift),
                    events));
        }
        return out;
    }

    /** An ISO 8601 UTC time moved by {@code shift}; anything else is left as it is. */
    static String moved(String time, Duration shift) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time).plus(shift).toString();
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
