package org.lifeline.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The novice's invitation life cycle, driven through the launcher's shell as a script would. */
class InvitationScriptIT {
    static final String LOOPBACK_ONLY = "loopback=true\nlan=false\nhostname=false\n";

    @Test
    void invitationIsCreatedInspectedListedKeptOverRestartRedatedAndRevoked(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("novice");
        Path ticket = dir.resolve("help me.msrcincident");
        String id;
        try (LauncherProcess novice = LauncherProcess.start("novice", data, null,
                "org.lifeline.candidates.cfg", LOOPBACK_ONLY)) {
            String created = novice.ok("ra:invite --out '" + ticket + "' --password 'Correct horse 7' --expires 2h");
            id = group(created, "invitation\\s+(\\S+)");
            assertThat(ticket).exists();
            assertThat(Files.readString(ticket)).contains("<UPLOADINFO", "RCTICKETENCRYPTED=\"1\"", "DtLength=\"120\"")
                    .doesNotContain("Correct horse 7");

            String inspected = novice.ok("ra:inspect '" + ticket + "'");
            assertThat(inspected).contains(id, "127.0.0.1:", "password     required").containsPattern("verdict +.*valid");

            assertThat(novice.ok("ra:invitations")).containsPattern(Pattern.quote(id) + ".*OPEN");
            assertThat(novice.shutdown()).isZero();
        }
        try (LauncherProcess again = LauncherProcess.start("novice-again", data, null)) {
            assertThat(again.ok("ra:invitations")).containsPattern(Pattern.quote(id) + ".*OPEN");
            assertThat(again.ok("ra:expiry " + id + " 3d")).contains(id, "OPEN");
            assertThat(again.ok("ra:inspect '" + ticket + "'")).as("the file channel re-issues the ticket")
                    .containsPattern("expires .*");
            assertThat(Files.readString(ticket)).contains("DtLength=\"" + 3 * 24 * 60 + "\"");
            assertThat(again.ok("ra:revoke " + id)).contains("REVOKED");
            assertThat(again.ok("ra:invitations")).containsPattern(Pattern.quote(id) + ".*REVOKED");
        }
    }

    @Test
    void policyLimitsAreClearRefusals(@TempDir Path dir) throws Exception {
        try (LauncherProcess novice = LauncherProcess.start("novice", dir.resolve("data"), null,
                "org.lifeline.candidates.cfg", LOOPBACK_ONLY)) {
            String tooLong = novice.run("ra:invite --out " + dir.resolve("a.msrcincident") + " --password pw123456 --expires 100d");
            assertThat(tooLong).contains("at most 99");
            assertThat(dir.resolve("a.msrcincident")).doesNotExist();

            String noPassword = novice.run("ra:invite --out " + dir.resolve("b.msrcincident") + " --no-password");
            assertThat(noPassword).containsIgnoringCase("password");
            assertThat(dir.resolve("b.msrcincident")).doesNotExist();

            novice.ok("ra:policy invitations.enabled false");
            String disabled = novice.run("ra:invite --out " + dir.resolve("c.msrcincident") + " --password pw123456");
            assertThat(disabled).contains("turned off");
            assertThat(dir.resolve("c.msrcincident")).doesNotExist();
            assertThat(novice.ok("ra:invitations")).doesNotContain("OPEN");
        }
    }

    @Test
    void configurationFilesInEtcApplyAtStartAndLive(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (LauncherProcess novice = LauncherProcess.start("novice", data, null,
                "org.lifeline.policy.cfg", "expiry.max=30d\n")) {
            SessionEndToEndIT.eventually(() -> assertThat(novice.ok("ra:policy")).containsPattern("expiry.max +30d"));
            Files.writeString(data.resolve("etc/org.lifeline.policy.cfg"), "expiry.max=20d\ncontrol.enabled=false\n");
            SessionEndToEndIT.eventually(() -> assertThat(novice.ok("ra:policy"))
                    .containsPattern("expiry.max +20d").containsPattern("control.enabled +false"));
            assertThat(novice.run("ra:invite --out " + dir.resolve("x.msrcincident") + " --password pw123456 --expires 21d"))
                    .contains("at most 20d");
        }
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return m.group(1);
    }
}
