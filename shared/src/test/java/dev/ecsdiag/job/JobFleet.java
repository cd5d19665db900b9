package dev.ecsdiag.job;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.emulator.SystemEventFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instances and requests for job tests: real SDK, real HTTP, the local ECS emulator. */
final class JobFleet {

    static final String PANIC = String.join("\r\n",
            "[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1",
            "[    0.000000] Command line: console=ttyS0 root=/dev/vda1",
            "[    3.100000] Run /init as init process",
            "runner login: ",
            "[   40.447120] BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "[   40.447890] #PF: supervisor read access in kernel mode",
            "[   40.448301] Oops: 0000 [#1] PREEMPT SMP NOPTI",
            "[   40.448702] CPU: 1 PID: 4242 Comm: kworker/1:2 Not tainted 6.1.0-56-amd64 #1",
            "[   40.449403] RIP: 0010:blk_mq_dispatch_rq_list+0x1d/0x6b0",
            "[   40.451002] Call Trace:",
            "[   40.451201]  <TASK>",
            "[   40.451202]  __blk_mq_sched_dispatch_requests+0x11c/0x170",
            "[   40.451530]  blk_mq_sched_dispatch_requests+0x30/0x60",
            "[   40.451830]  process_one_work+0x1b6/0x350",
            "[   40.452102]  worker_thread+0x53/0x3e0",
            "[   40.452103]  </TASK>",
            "[   40.452400] Kernel panic - not syncing: Fatal exception",
            "");

    static final String HEALTHY = String.join("\r\n",
            "[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1",
            "[    2.113201] systemd[1]: Detected virtualization kvm.",
            "[   11.902114] cloud-init[812]: Cloud-init v. 22.2 finished.",
            "runner login: ",
            "");

    private JobFleet() {
    }

    static EcsEmulator start() {
        return EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
    }

    static EmulatedInstance.Builder crashed(String id) {
        return EmulatedInstance.builder(id).name("runner-" + id).tag("ci", "build-7").console(PANIC);
    }

    static EmulatedInstance.Builder healthy(String id) {
        return EmulatedInstance.builder(id).name("runner-" + id).tag("ci", "build-7").console(HEALTHY);
    }

    static EmulatedInstance.Builder hostFailed(String id) {
        String at = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        return healthy(id).event(new SystemEventFixture("e-" + id.substring(2), "SystemFailure.Stop", "Executed", at, at, at,
                "hardware failure on the host", "Critical"));
    }

    /** A request to the emulator with its test key, no spacing (the emulator's window is off). */
    static JobRequest.Builder request(EcsEmulator ecs, Path out) {
        return JobRequest.builder()
                .region(ecs.region())
                .endpoint(ecs.endpoint())
                .credentials(Credentials.of(CredentialStore.TEST_ACCESS_KEY_ID, CredentialStore.TEST_ACCESS_KEY_SECRET, null))
                .outputDirectory(out)
                .callTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(60))
                .sameInstanceSpacing(Duration.ZERO);
    }
}
