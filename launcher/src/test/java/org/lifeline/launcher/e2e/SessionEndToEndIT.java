package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.launcher.e2e.InvitationScriptIT.LOOPBACK_ONLY;
import static org.lifeline.launcher.e2e.InvitationScriptIT.group;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A novice and an expert, each a launcher in its own process, over loopback: the whole secure session
 * without the screen, and every way in that must be refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndToEndIT {
    @TempDir
    static Path dir;
    LauncherProcess novice;
    LauncherProcess expert;

    @BeforeAll
    void start() throws Exception {
        novice = LauncherProcess.start("novice", dir.resolve("novice"), null, "org.lifeline.candidates.cfg", LOOPBACK_ONLY);
        expert = LauncherProcess.start("expert", dir.resolve("expert"), null);
    }

    @AfterAll
    void stop() {
        if (expert != null) expert.close();
        if (novice != null) novice.close();
    }

    @Test
    void inviteConnectApproveChatControlAndDisconnectAreAllAudited() throws Exception {
        Path ticket = invite("--password 'Sésame 42'");
        String opened = expert.ok("ra:open '" + ticket + "' --password 'Sésame 42' --name Erin");
        String e = group(opened, "session (\\d+)");

        String n = awaitNoviceRequest("Erin");
        assertThat(novice.ok("ra:sessions")).containsPattern("(?m)^" + n + " +novice .*awaiting-consent");
        novice.ok("ra:approve " + n);
        expert.ok("ra:await " + e + " VIEWING 10");

        expert.ok("ra:chat " + e + " Hello, I can see your screen");
        novice.ok("ra:chat " + n + " 'Thanks! Grüße, ça va? ✓'");
        eventually(() -> assertThat(novice.ok("ra:history " + n)).contains("Hello, I can see your screen"));
        eventually(() -> assertThat(expert.ok("ra:history " + e)).contains("Thanks! Grüße, ça va? ✓"));

        expert.ok("ra:take-control " + e);
        novice.ok("ra:await " + n + " CONTROL_REQUESTED 10");
        novice.ok("ra:grant " + n);
        expert.ok("ra:await " + e + " IN_CONTROL 10");
        novice.ok("ra:stop-control " + n);
        expert.ok("ra:await " + e + " VIEWING 10");

        expert.ok("ra:disconnect " + e);
        novice.ok("ra:await " + n + " CLOSED 10");

        String audit = Files.readString(novice.data().resolve("audit.log"), StandardCharsets.UTF_8);
        for (String event : new String[] {"connected", "approved", "control-requested", "control-granted",
                "control-ended", "closed"}) {
            assertThat(audit).as("audit log has " + event).containsPattern("\"event\":\"" + event + "\"");
        }
        assertThat(audit).contains("Erin").doesNotContain("Sésame").doesNotContain("S\u00c3\u00a9same");
    }

    @Test
    void wrongPasswordIsRefusedAndTheFifthLocksTheInvitation() throws Exception {
        Path ticket = invite("--password right-one");
        String first = expert.run("ra:open '" + ticket + "' --password wrong-one");
        assertThat(first).containsIgnoringCase("password").doesNotContain("session 1:");
        String id = group(novice.ok("ra:inspect '" + ticket + "'"), "invitation\\s+(\\S+)");
        for (int attempt = 2; attempt <= 5; attempt++) {
            long backOffSeconds = 1L << (attempt - 2);
            Thread.sleep(backOffSeconds * 1000 + 200);
            expert.run("ra:open '" + ticket + "' --password wrong-" + attempt);
        }
        eventually(() -> assertThat(novice.ok("ra:invitations")).containsPattern(Pattern.quote(id) + ".*LOCKED"));
        String locked = expert.run("ra:open '" + ticket + "' --password right-one");
        assertThat(locked).containsIgnoringCase("locked");
        assertThat(novice.ok("ra:sessions")).doesNotContain(id);
    }

    @Test
    void revokedInvitationIsRefused() throws Exception {
        Path ticket = invite("--password pw-revoked");
        String id = group(novice.ok("ra:inspect '" + ticket + "'"), "invitation\\s+(\\S+)");
        novice.ok("ra:revoke " + id);
        String out = expert.run("ra:open '" + ticket + "' --password pw-revoked");
        // a revoked invitation stops listening at once, so the port refuses; the message names the cause
        assertThat(out).containsIgnoringCase("refused").containsIgnoringCase("revoked")
                .doesNotContainPattern("session \\d+: connected");
    }

    @Test
    void expiredInvitationIsRefused() throws Exception {
        Path ticket = invite("--password pw-expired");
        String id = group(novice.ok("ra:inspect '" + ticket + "'"), "invitation\\s+(\\S+)");
        novice.ok("ra:expiry " + id + " 1s");
        Thread.sleep(1500);
        String out = expert.run("ra:open '" + ticket + "' --password pw-expired");
        assertThat(out).containsIgnoringCase("expired").doesNotContainPattern("session \\d+: connected");
    }

    @Test
    void tamperedConnectionInfoIsRefusedBeforeConnecting() throws Exception {
        Path ticket = invite("--password pw-tampered");
        String xml = Files.readString(ticket);
        Matcher m = Pattern.compile("RCTICKET=\"([^\"]*)\"").matcher(xml);
        assertThat(m.find()).isTrue();
        String[] fields = m.group(1).split(",");
        byte[] conninfo = Base64.getDecoder().decode(fields[fields.length - 1]);
        conninfo[conninfo.length / 2] ^= 0x01;
        fields[fields.length - 1] = Base64.getEncoder().encodeToString(conninfo);
        Path tampered = dir.resolve("tampered.msrcincident");
        Files.writeString(tampered, xml.replace(m.group(1), String.join(",", fields)));
        String out = expert.run("ra:open '" + tampered + "' --password pw-tampered");
        assertThat(out).containsIgnoringCase("changed").doesNotContainPattern("session \\d+: connected");
    }

    @Test
    void controlIsRefusedWhilePolicyForbidsIt() throws Exception {
        Path ticket = invite("--password pw-policy");
        String e = group(expert.ok("ra:open '" + ticket + "' --password pw-policy --name Pat"), "session (\\d+)");
        String n = awaitNoviceRequest("Pat");
        novice.ok("ra:approve " + n);
        expert.ok("ra:await " + e + " VIEWING 10");
        novice.ok("ra:policy control.enabled false");
        try {
            String asked = expert.run("ra:take-control " + e);
            eventually(() -> assertThat(expert.ok("ra:sessions")).containsPattern("(?m)^" + e + " +expert .*viewing"));
            assertThat(novice.ok("ra:sessions")).containsPattern("(?m)^" + n + " +novice .*viewing").doesNotContain("in-control");
            assertThat(asked + expert.ok("ra:events")).contains("control is turned off");
            assertThat(novice.run("ra:grant " + n)).doesNotContain("the expert has control");
        } finally {
            novice.ok("ra:policy control.enabled true");
            expert.run("ra:disconnect " + e);
        }
    }

    private Path invite(String passwordOption) throws Exception {
        Path ticket = Files.createTempFile(dir, "invitation", ".msrcincident");
        Files.delete(ticket);
        novice.ok("ra:invite --out '" + ticket + "' " + passwordOption + " --expires 1h");
        assertThat(ticket).exists();
        return ticket;
    }

    /** The novice's session id for the newest connection request from this expert. */
    private String awaitNoviceRequest(String expertName) throws Exception {
        String[] id = new String[1];
        eventually(() -> {
            Matcher m = Pattern.compile("session (\\d+): " + Pattern.quote(expertName) + ".*wants to connect")
                    .matcher(novice.ok("ra:events"));
            String last = null;
            while (m.find()) last = m.group(1);
            assertThat(last).as("a connection request from " + expertName).isNotNull();
            id[0] = last;
        });
        return id[0];
    }

    static void eventually(LauncherCheck check) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) throw e;
                Thread.sleep(100);
            }
        }
    }

    @FunctionalInterface
    interface LauncherCheck {
        void run() throws Exception;
    }
}
