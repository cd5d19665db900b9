package dev.ecsdiag.collect;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotResponse;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.ecs.Base64Payload;
import dev.ecsdiag.ecs.ConsoleText;
import dev.ecsdiag.ecs.EcsApi;
import dev.ecsdiag.ecs.EcsCallException;
import dev.ecsdiag.ecs.ImageHeader;
import dev.ecsdiag.ecs.MalformedPayloadException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
        GetInstanceConsoleOutputResponse answer = api.consoleOutput(id, timeout);
        String payload = answer.getConsoleOutput() == null ? "" : answer.getConsoleOutput();
        Path raw = layout.consoleRaw(id);
        long bytes;
        try {
            bytes = Base64Payload.decodeTo(payload, raw);
        } catch (MalformedPayloadException e) {
            keepUndecodable(payload, layout.undecodable(id, "console"));
            work.fail(new CallFailure(EcsApi.CONSOLE_OUTPUT, "InvalidPayload",
                    "ConsoleOutput is not valid Base64: " + e.getMessage() + "; kept as received in "
                            + layout.relative(layout.undecodable(id, "console")),
                    answer.getRequestId(), dev.ecsdiag.ecs.ErrorHints.hint(EcsApi.CONSOLE_OUTPUT, "InvalidPayload", null, null),
                    work.attempts()));
            return;
        }
        Path text = layout.consoleText(id);
        ConsoleText.convert(raw, text);
        work.console(new ConsoleCapture(layout.relative(raw), layout.relative(text), bytes, answer.getLastUpdateTime(),
                answer.getRequestId()));
        classify(work, text);
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
            DescribeInstanceHistoryEventsResponse answer =
                    api.historyEvents(work.instanceId, eventsFrom, eventsTo, page, EVENTS_PAGE_SIZE, timeout);
            List<SystemEvent> found = new ArrayList<>();
            List<DescribeInstanceHistoryEventsResponse.InstanceSystemEventType> set = answer.getInstanceSystemEventSet();
            if (set != null) {
                for (DescribeInstanceHistoryEventsResponse.InstanceSystemEventType e : set) {
                    found.add(SystemEvents.from(e));
                }
            }
            work.addEvents(found, page + 1);
            int total = answer.getTotalCount() == null ? 0 : answer.getTotalCount();
            if (found.isEmpty() || (long) page * EVENTS_PAGE_SIZE >= total) {
                return;
            }
        }
    }

    private void screenshot(InstanceWork work, Duration timeout) throws EcsCallException, IOException {
        String id = work.instanceId;
        GetInstanceScreenshotResponse answer = api.screenshot(id, timeout);
        String payload = answer.getScreenshot() == null ? "" : answer.getScreenshot();
        Path part = layout.instanceDir(id).resolve(OutputLayout.SCREENSHOT + ".download");
        long bytes;
        try {
            bytes = Base64Payload.decodeTo(payload, part);
        } catch (MalformedPayloadException e) {
            keepUndecodable(payload, layout.undecodable(id, "screenshot"));
            work.fail(new CallFailure(EcsApi.SCREENSHOT, "InvalidPayload",
                    "Screenshot is not valid Base64: " + e.getMessage() + "; kept as received in "
                            + layout.relative(layout.undecodable(id, "screenshot")),
                    answer.getRequestId(), dev.ecsdiag.ecs.ErrorHints.hint(EcsApi.SCREENSHOT, "InvalidPayload", null, null),
                    work.attempts()));
            return;
        }
        try {
            if (bytes == 0) {
                work.fail(new CallFailure(EcsApi.SCREENSHOT, "EmptyScreenshot", "the service returned an empty screenshot",
                        answer.getRequestId(), "the display may be off; run again once the instance is running", work.attempts()));
                return;
            }
            ImageHeader header = ImageHeader.read(part);
            Path target = layout.screenshot(id, header.extension());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            work.screenshot(new ScreenshotCapture(layout.relative(target), header.format(), bytes, header.width(), header.height(),
                    answer.getRequestId()));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void keepUndecodable(String payload, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.append(payload);
        }
    }
}
