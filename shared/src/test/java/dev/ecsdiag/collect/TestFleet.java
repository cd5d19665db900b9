package dev.ecsdiag.collect;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.emulator.SystemEventFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;

/** Instances, emulators and requests for retrieval tests: everything goes through the real SDK over HTTP. */
final class TestFleet {

    static final String CRASH_LOG = String.join("\r\n",
            "[    0.000000] Linux version 5.10.134-16.al8.x86_64 (mockbuild@x86-01) (gcc 10.2.1) #1 SMP Thu Jun 13 2024",
            "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-5.10.134 root=UUID=33b46ac5 ro console=ttyS0,115200n8",
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
            "[  812.452102]  worker_thread+0x53/0x3e0",
            "[  812.452400] Kernel panic - not syncing: Fatal exception",
            "[  812.453000] Kernel Offset: 0x2a000000 from 0xffffffff81000000",
            "") ;

    static final String HEALTHY_LOG = String.join("\r\n",
            "[    0.000000] Linux version 5.10.134-16.al8.x86_64 (mockbuild@x86-01) (gcc 10.2.1) #1 SMP Thu Jun 13 2024",
            "[    2.113201] systemd[1]: Detected virtualization kvm.",
            "\u001b[0;32m  OK  \u001b[0m] Started OpenSSH server daemon.",
            "[   11.902114] cloud-init[812]: Cloud-init v. 22.2 finished.",
            "ci-runner-01 login: ",
            "");

    private TestFleet() {
    }

    static EcsEmulator start(Duration window) {
        return EcsEmulator.builder().throttleWindow(window).build().start();
    }

    static byte[] image(String format, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.drawString("Kernel panic - not syncing", 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static EmulatedInstance.Builder crashed(String id) {
        return EmulatedInstance.builder(id).name("runner-" + id).tag("ci", "build-42").console(CRASH_LOG)
                .screenshot(image("png", 800, 600))
                .event(new SystemEventFixture("e-" + id.substring(2) + "1", "InstanceFailure.Reboot", "Executed",
                        recent(30), recent(30), recent(29), "the guest OS stopped responding", null));
    }

    static EmulatedInstance.Builder healthy(String id) {
        return EmulatedInstance.builder(id).name("runner-" + id).tag("ci", "build-42").console(HEALTHY_LOG)
                .screenshot(image("jpg", 640, 480));
    }

    static EmulatedInstance.Builder platformFault(String id) {
        return healthy(id).event(new SystemEventFixture("e-" + id.substring(2) + "2", "SystemFailure.Reboot", "Executed",
                recent(20), recent(20), recent(18), "hardware failure on the host", "Critical"));
    }

    /** An ISO 8601 UTC time some minutes ago, inside the default event window. */
    static String recent(int minutesAgo) {
        return Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A request to the emulator with the test key, quick backoff, spacing matched to the emulator's window. */
    static CollectionRequest.Builder request(EcsEmulator ecs, Path out) {
        return CollectionRequest.builder()
                .region(ecs.region())
                .endpoint(ecs.endpoint())
                .credentials(Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of(CredentialStore.TEST_ACCESS_KEY_SECRET)))
                .outputDir(out)
                .callTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(60))
                .retry(RetrySettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                        .withSameInstanceSpacing(ecs.throttleWindow()));
    }
}
