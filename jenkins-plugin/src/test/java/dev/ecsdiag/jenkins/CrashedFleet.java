package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.job.DiagnosticsJob;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.JobResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A CI fleet served by the real ECS emulator over HTTP: two instances with the same kernel panic,
 * one whose console carries hostile markup in its panic message, one healthy. Everything the plugin
 * tests see comes from the real core running against it.
 */
final class CrashedFleet implements AutoCloseable {

    static final String CRASHED_1 = "i-bp1jenkins00001";
    static final String CRASHED_2 = "i-bp1jenkins00002";
    static final String HOSTILE = "i-bp1jenkins00003";
    static final String HEALTHY = "i-bp1jenkins00004";
    static final String BUILD_TAG = "jenkins-ecs-42";
    static final String HOSTILE_TEXT = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"q\"";

    static final String CRASH_LOG = String.join("\r\n",
            "[    0.000000] Linux version 5.10.134-16.al8.x86_64 (mockbuild@x86-01) (gcc 10.2.1) #1 SMP Thu Jun 13 2024",
            "[    2.113201] systemd[1]: Detected virtualization kvm.",
            "[  812.447120] BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "[  812.447890] #PF: supervisor read access in kernel mode",
            "[  812.448301] Oops: 0000 [#1] SMP PTI",
            "[  812.448702] CPU: 1 PID: 4242 Comm: kworker/1:2 Not tainted 5.10.134-16.al8.x86_64 #1",
            "[  812.449403] RIP: 0010:blk_mq_dispatch_rq_list+0x1d/0x6b0",
            "[  812.451002] Call Trace:",
            "[  812.451201]  __blk_mq_sched_dispatch_requests+0x11c/0x170",
            "[  812.451530]  blk_mq_sched_dispatch_requests+0x30/0x60",
            "[  812.451830]  process_one_work+0x1b6/0x350",
            "[  812.452400] Kernel panic - not syncing: Fatal exception",
            "");

    static final String HOSTILE_LOG = String.join("\r\n",
            "[    0.000000] Linux version 5.10.134-16.al8.x86_64 (mockbuild@x86-01) (gcc 10.2.1) #1 SMP Thu Jun 13 2024",
            "[   40.100000] Kernel panic - not syncing: " + HOSTILE_TEXT,
            "[   40.100100] CPU: 0 PID: 1 Comm: init Not tainted 5.10.134-16.al8.x86_64 #1",
            "");

    static final String HEALTHY_LOG = String.join("\r\n",
            "[    0.000000] Linux version 5.10.134-16.al8.x86_64 (mockbuild@x86-01) (gcc 10.2.1) #1 SMP Thu Jun 13 2024",
            "[   11.902114] cloud-init[812]: Cloud-init v. 22.2 finished.",
            "ci-runner-04 login: ",
            "");

    final EcsEmulator ecs;

    CrashedFleet() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ofMillis(100)).build().start();
        ecs.fleet().put(instance(CRASHED_1, CRASH_LOG).build());
        ecs.fleet().put(instance(CRASHED_2, CRASH_LOG).build());
        ecs.fleet().put(instance(HOSTILE, HOSTILE_LOG).name("runner-" + HOSTILE_TEXT).build());
        ecs.fleet().put(instance(HEALTHY, HEALTHY_LOG).build());
    }

    private static EmulatedInstance.Builder instance(String id, String console) {
        return EmulatedInstance.builder(id).name("runner-" + id).tag("ci-build", BUILD_TAG).console(console).screenshot(png());
    }

    static Credentials credentials() {
        return Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of(CredentialStore.TEST_ACCESS_KEY_SECRET));
    }

    /** A step as a Pipeline would configure it: {@code ecsDiagnostics region: ..., tags: [ci-build: ...]}. */
    EcsDiagnosticsRecorder step() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder(ecs.region(), "ecs-ci");
        step.setEndpoint(ecs.endpoint());
        step.setTags(Map.of("ci-build", "${BUILD_TAG}"));
        step.setTimeout(5);
        step.setDeadline(60);
        return step;
    }

    /** The step's request, paced to the emulator's throttle window instead of the service's 10 s. */
    JobRequest request(EcsDiagnosticsRecorder step) {
        JobRequest r = StepRequest.of(step, StepRequest.Defaults.NONE, s -> s.replace("${BUILD_TAG}", BUILD_TAG),
                credentials(), "ecs-ci-job #42");
        return r.toBuilder().sameInstanceSpacing(ecs.throttleWindow()).build();
    }

    JobResult run(Path outputDirectory) {
        return new DiagnosticsJob(Map.of(), new java.util.Random(1))
                .run(request(step()).toBuilder().outputDirectory(outputDirectory).build(), line -> { });
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.drawString("Kernel panic - not syncing", 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        ecs.close();
    }
}
