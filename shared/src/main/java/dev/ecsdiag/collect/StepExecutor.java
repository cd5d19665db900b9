package dev.ecsdiag.collect;

import dev.ecsdiag.screen.ScreenReader;
import dev.ecsdiag.screen.ScreenReading;
import dev.ecsdiag.ecs.SystemEvent;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.ecs.ConsoleText;
import dev.ecsdiag.ecs.EcsApi;
import dev.ecsdiag.ecs.EcsCallException;
import dev.ecsdiag.ecs.ErrorHints;
import dev.ecsdiag.ecs.ImageHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one attempt of one step for one instance: the call, then the files. Payloads are decoded
 * from the answer straight to disk; the classifier reads the text file back. Knows nothing of
 * retries or scheduling.
 */
final class StepExecutor {

    private static final ScreenReader SCREENS = new ScreenReader();

    static final int EVENTS_PAGE_SIZE = 100;
    private static final DateTimeFormatter ECS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final EcsApi api;
    private final OutputLayout layout;
    private final String eventsFrom;
    private final String eventsTo;

    StepExecutor(EcsApi api, OutputLayout layout, Instant now, Duration eventWindow) {
        this.api = api;
        this.layout = layout;
        Instant to = now.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        this.eventsFrom = ECS_TIME.format(now.minus(eventWindow).truncatedTo(ChronoUnit.SECONDS));
        this.eventsTo = ECS_TIME.format(to);
    }

    /** Runs the current step of {@code work} once. Throws on a failed call; a payload that cannot be decoded is a failure recorded here. */
    void run(InstanceWork work, InstanceWork.Step step, Duration timeout) throws EcsCallException, IOException {
        Files.createDirectories(layout.instanceDir(work.instanceId));
        switch (step) {
            case CONSOLE -> console(work, timeout);
            case EVENTS -> events(work, timeout);
            case SCREENSHOT -> screenshot(work, timeout);
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }

    private void console(InstanceWork work, Duration timeout) throws EcsCallException, IOException {
        String id = work.instanceId;
        Path raw = layout.consoleRaw(id);
        Path undecodable = layout.undecodable(id, "console");
        EcsApi.PayloadAnswer answer = api.consoleOutputTo(id, timeout, raw, undecodable);
        if (answer.undecodable() != null) {
            work.fail(undecodableFailure(EcsApi.CONSOLE_OUTPUT, "ConsoleOutput", answer, undecodable, work.attempts()));
            return;
        }
        Path text = layout.consoleText(id);
        ConsoleText.convert(raw, text);
        work.console(new ConsoleCapture(layout.relative(raw), layout.relative(text), answer.bytes(), answer.lastUpdateTime(),
                answer.requestId()));
        classify(work, text);
    }

    private CallFailure undecodableFailure(String call, String field, EcsApi.PayloadAnswer answer, Path kept, int attempts) {
        return new CallFailure(call, "InvalidPayload", field + " is not valid Base64: " + answer.undecodable()
                + "; kept as received in " + layout.relative(kept), answer.requestId(),
                ErrorHints.hint(call, "InvalidPayload", null, null), attempts);
    }

    private void classify(InstanceWork work, Path text) {
        try {
            Classification c = new ConsoleClassifier().classify(text);
            work.classification(c);
            CollectionJson.write(c, layout.classification(work.instanceId));
        } catch (IOException | RuntimeException e) {
            // a classifier bug must not cost the console output that was fetched
            work.fail(new CallFailure("Classify", "ClassifierError",
                    "classifying the console output failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    null, "the console output is kept; please report this with console.raw attached", 1));
        }
    }

    private void events(InstanceWork work, Duration timeout) throws EcsCallException {
        while (true) {
            int page = work.eventsNextPage();
            SystemEvent.Page answer = api.historyEvents(work.instanceId, eventsFrom, eventsTo, page, EVENTS_PAGE_SIZE, timeout);
            List<SystemEvent> found = answer.events();
            work.addEvents(found, page + 1);
            int total = answer.totalCount();
            if (found.isEmpty() || (long) page * EVENTS_PAGE_SIZE >= total) {
                return;
            }
        }
    }

    private void screenshot(InstanceWork work, Duration timeout) throws EcsCallException, IOException {
        String id = work.instanceId;
        Path download = layout.instanceDir(id).resolve(OutputLayout.SCREENSHOT + ".download");
        Path undecodable = layout.undecodable(id, "screenshot");
        try {
            EcsApi.PayloadAnswer answer = api.screenshotTo(id, timeout, download, undecodable);
            if (answer.undecodable() != null) {
                work.fail(undecodableFailure(EcsApi.SCREENSHOT, "Screenshot", answer, undecodable, work.attempts()));
                return;
            }
            if (answer.bytes() == 0) {
                work.fail(new CallFailure(EcsApi.SCREENSHOT, "EmptyScreenshot", "the service returned an empty screenshot",
                        answer.requestId(), "the display may be off; run again once the instance is running", work.attempts()));
                return;
            }
            // the format comes from the magic bytes, not from the documentation (JPEG) or its sample (PNG)
            ImageHeader header = ImageHeader.read(download);
            Path target = layout.screenshot(id, header.extension());
            Files.move(download, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Read as text here, in the worker: a second source of evidence beside the console (docs/screen.md).
            // Bounded by the image's header; a screen that cannot be read says why and loses nothing.
            ScreenReading screen = SCREENS.read(Files.readAllBytes(target));
            work.screenshot(new ScreenshotCapture(layout.relative(target), header.format(), answer.bytes(), header.width(),
                    header.height(), answer.requestId(), screen));
        } finally {
            Files.deleteIfExists(download);
        }
    }
}
