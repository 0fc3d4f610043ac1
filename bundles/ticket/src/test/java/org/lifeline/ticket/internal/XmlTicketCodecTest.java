package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lifeline.ticket.internal.Tickets.CODEC;
import static org.lifeline.ticket.internal.Tickets.bytes;
import static org.lifeline.ticket.internal.Tickets.rcticket;
import static org.lifeline.ticket.internal.Tickets.withRcticket;
import static org.lifeline.ticket.internal.Tickets.xml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeline.api.HostPort;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.invitation.TicketException.Reason;

class XmlTicketCodecTest {

    private static TicketException failure(String xml) {
        return failure(bytes(xml));
    }

    private static TicketException failure(byte[] file) {
        TicketException e = catchThrowableOfType(TicketException.class, () -> CODEC.read(file));
        assertThat(e).as("reading must fail with a TicketException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void everyFieldSurvivesWriteAndRead() {
        Ticket t = new Ticket("Zoë \"Z\" <&> O'Brien", List.of(new HostPort("203.0.113.7", 443),
                new HostPort("fe80::1%eth0", 5500), new HostPort("2001:db8::7", 5501), new HostPort("host_1.example.org", 65535)),
                TicketFormat.PROTOCOL_VERSION, "Ab-3_z", Tickets.fingerprint(), Instant.ofEpochSecond(1_700_000_000L),
                Duration.ofDays(99), false, true);
        Ticket back = CODEC.read(CODEC.write(t));
        assertThat(back.userName()).isEqualTo(t.userName());
        assertThat(back.addresses()).isEqualTo(t.addresses());
        assertThat(back.protocolVersion()).isEqualTo(t.protocolVersion());
        assertThat(back.invitationId()).isEqualTo(t.invitationId());
        assertThat(back.certificateFingerprint()).isEqualTo(t.certificateFingerprint());
        assertThat(back.start()).isEqualTo(t.start());
        assertThat(back.length()).isEqualTo(t.length());
        assertThat(back.passwordProtected()).isFalse();
        assertThat(back.lowBandwidth()).isTrue();

        Ticket other = CODEC.read(CODEC.write(Tickets.ticket()));
        assertThat(other.passwordProtected()).isTrue();
        assertThat(other.lowBandwidth()).isFalse();
        assertThat(other.userName()).isEqualTo("alice");
    }

    @Test
    void fileLooksLikeMicrosoftsIncidentWithLifelinesProtocol() {
        String xml = xml();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<UPLOADINFO TYPE=\"Escalated\">", "<UPLOADDATA USERNAME=\"alice\"",
                        "RCTICKETENCRYPTED=\"1\"", "DtStart=\"4000000000\"", "DtLength=\"60\"", "L=\"0\"");
        assertThat(rcticket(xml)).startsWith("19529,1,127.0.0.1:5500;alice-laptop.local:5500,*,k3x9q2ma7fzd,*,*,");
    }

    @Test
    void lengthIsRoundedUpToWholeMinutes() {
        assertThat(XmlTicketCodec.lengthMinutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(XmlTicketCodec.lengthMinutes(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(XmlTicketCodec.lengthMinutes(Duration.ofDays(99).plusSeconds(30))).isEqualTo(99 * 1440);
    }

    @Test
    void reorderedAddressesAreTriedInTheEditedOrder() {
        String xml = xml();
        String edited = withRcticket(xml, rcticket(xml).replace("127.0.0.1:5500;alice-laptop.local:5500",
                "alice-laptop.local:5500;127.0.0.1:5500"));
        assertThat(CODEC.read(bytes(edited)).addresses())
                .containsExactly(new HostPort("alice-laptop.local", 5500), new HostPort("127.0.0.1", 5500));
    }

    @Test
    void routersPublicAddressPutFirstByHandIsTriedFirst() {
        String xml = xml();
        String edited = withRcticket(xml, rcticket(xml).replace(",1,127.0.0.1", ",1,198.51.100.20:45000;127.0.0.1"));
        assertThat(CODEC.read(bytes(edited)).addresses()).first().isEqualTo(new HostPort("198.51.100.20", 45000));
    }

    @Test
    void addedAddressWithSpacesAndTrailingSemicolonStillReads() {
        String xml = xml();
        String edited = withRcticket(xml, rcticket(xml).replace("alice-laptop.local:5500",
                "alice-laptop.local:5500 ; [2001:db8::1]:5500 ;"));
        assertThat(CODEC.read(bytes(edited)).addresses()).containsExactly(new HostPort("127.0.0.1", 5500),
                new HostPort("alice-laptop.local", 5500), new HostPort("2001:db8::1", 5500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "2001:db8::1:5500",
            "[2001:db8::1]5500", "bad host:5500", "-dash.example:5500", "evil.example:5500/path", ":5500"})
    void malformedAddressIsBadAddress(String address) {
        String xml = xml();
        assertThat(failure(withRcticket(xml, rcticket(xml).replace("alice-laptop.local:5500", address))).reason())
                .isEqualTo(Reason.BAD_ADDRESS);
    }

    @Test
    void emptyAddressListIsBadAddress() {
        String xml = xml();
        TicketException e = failure(withRcticket(xml, rcticket(xml).replace("127.0.0.1:5500;alice-laptop.local:5500", " ; ")));
        assertThat(e.reason()).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(e.getMessage()).contains("no address");
    }

    @Test
    void emptyFileIsNotXml() {
        assertThat(failure(new byte[0]).reason()).isEqualTo(Reason.NOT_XML);
    }

    @Test
    void garbageIsNotXml() {
        assertThat(failure("this is a shopping list: eggs, milk").reason()).isEqualTo(Reason.NOT_XML);
        assertThat(failure("<UPLOADINFO><UPLOADDATA").reason()).isEqualTo(Reason.NOT_XML);
    }

    @Test
    void otherXmlIsNotATicket() {
        TicketException e = failure("<?xml version=\"1.0\"?><html><body/></html>");
        assertThat(e.reason()).isEqualTo(Reason.NOT_XML);
        assertThat(e.getMessage()).contains("not an invitation ticket");
    }

    @Test
    void fileOverTheLimitIsTooLargeWithoutParsing() {
        byte[] big = new byte[TicketCodec.MAX_TICKET_BYTES + 1];
        assertThat(failure(big).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE UPLOADINFO [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<UPLOADINFO TYPE=\"Escalated\"><UPLOADDATA USERNAME=\"&x;\"/></UPLOADINFO>";
        TicketException e = failure(xxe);
        assertThat(e.reason()).isEqualTo(Reason.NOT_XML);
        assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void entityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<UPLOADINFO><UPLOADDATA USERNAME=\"&d;\"/></UPLOADINFO>";
        assertThat(failure(bomb).reason()).isEqualTo(Reason.NOT_XML);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<UPLOADINFO>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</UPLOADINFO>";
        assertThat(failure(deep).reason()).isIn(Reason.NOT_XML, Reason.BAD_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RCTICKET", "RCTICKETENCRYPTED", "DtStart", "DtLength"})
    void missingRequiredAttributeIsMissingField(String name) {
        String xml = xml().replaceAll(" " + name + "=\"[^\"]*\"", "");
        TicketException e = failure(xml);
        assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
        assertThat(e.getMessage()).contains(name);
    }

    @Test
    void missingUploadDataIsMissingField() {
        assertThat(failure("<UPLOADINFO TYPE=\"Escalated\"></UPLOADINFO>").reason()).isEqualTo(Reason.MISSING_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DtStart=\"-5\"", "DtStart=\"soon\"", "DtStart=\"99999999999999999999\"",
            "DtLength=\"0\"", "DtLength=\"142561\"", "RCTICKETENCRYPTED=\"yes\"", "L=\"2\""})
    void invalidAttributeValueIsBadField(String replacement) {
        String name = replacement.substring(0, replacement.indexOf('='));
        String xml = xml().replaceAll(" " + name + "=\"[^\"]*\"", " " + replacement);
        TicketException e = failure(xml);
        assertThat(e.reason()).isEqualTo(Reason.BAD_FIELD);
        assertThat(e.getMessage()).contains(name);
    }

    @Test
    void lengthOfExactlyNinetyNineDaysIsAccepted() {
        String xml = xml().replace("DtLength=\"60\"", "DtLength=\"142560\"");
        assertThat(CODEC.read(bytes(xml)).length()).isEqualTo(Duration.ofDays(99));
    }

    @Test
    void wrongNumberOfRcticketPartsIsBadField() {
        String xml = xml();
        assertThat(failure(withRcticket(xml, rcticket(xml) + ",extra")).reason()).isEqualTo(Reason.BAD_FIELD);
    }

    @Test
    void everySingleCharacterChangeOfConninfoIsTampered() {
        String xml = xml();
        String rc = rcticket(xml);
        int start = rc.lastIndexOf(',') + 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        for (int i = start; i < rc.length(); i++) {
            char c = rc.charAt(i);
            char other = alphabet.charAt((alphabet.indexOf(c) + 1 + i % 7) % alphabet.length());
            String edited = rc.substring(0, i) + other + rc.substring(i + 1);
            assertThat(failure(withRcticket(xml, edited)).reason()).as("change at %d", i).isEqualTo(Reason.TAMPERED);
        }
        assertThat(failure(withRcticket(xml, rc.substring(0, rc.length() - 4))).reason()).isEqualTo(Reason.TAMPERED);
        assertThat(failure(withRcticket(xml, rc + "AAAA")).reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void sessionThatDisagreesWithConninfoIsTampered() {
        String xml = xml();
        assertThat(failure(withRcticket(xml, rcticket(xml).replace(",k3x9q2ma7fzd,", ",someoneelse,"))).reason())
                .isEqualTo(Reason.TAMPERED);
    }

    @Test
    void unknownProtocolIsUnsupported() {
        String xml = xml();
        assertThat(failure(withRcticket(xml, rcticket(xml).replaceFirst("^19529", "4242"))).reason())
                .isEqualTo(Reason.UNSUPPORTED_PROTOCOL);
    }

    @Test
    void ticketForANewerLifelineProtocolIsUnsupported() {
        Ticket t = Tickets.ticket();
        Ticket newer = new Ticket(t.userName(), t.addresses(), 2, t.invitationId(), t.certificateFingerprint(),
                t.start(), t.length(), true, false);
        TicketException e = failure(CODEC.write(newer));
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_PROTOCOL);
        assertThat(e.getMessage()).contains("protocol 2");
    }

    /** The shape Windows XP writes (values shortened). */
    @Test
    void windowsXpTicketIsRecognisedAndSentToWindows() {
        String xp = "<?xml version=\"1.0\"?><UPLOADINFO TYPE=\"Escalated\"><UPLOADDATA USERNAME=\"bob\" "
                + "RCTICKET=\"65538,1,192.168.1.10:3389;bobpc:3389,*,AbC123==,*,*,dGVzdA==\" PassStub=\"x!0Ab\" "
                + "RCTICKETENCRYPTED=\"1\" DtStart=\"1100000000\" DtLength=\"60\" L=\"0\"/></UPLOADINFO>";
        TicketException e = failure(xp);
        assertThat(e.reason()).isEqualTo(Reason.WINDOWS_TICKET);
        assertThat(e.getMessage()).contains("Windows").contains("Remote Assistance");
    }

    /** Windows 7 and later encrypt RCTICKET; the PassStub still gives them away. */
    @Test
    void encryptedWindowsTicketIsRecognised() {
        String win7 = "<?xml version=\"1.0\"?><UPLOADINFO TYPE=\"Escalated\"><UPLOADDATA USERNAME=\"bob\" "
                + "RCTICKET=\"bm90IHJlYWxseSBlbmNyeXB0ZWQ=\" PassStub=\"Zq*1\" RCTICKETENCRYPTED=\"1\" "
                + "DtStart=\"1300000000\" DtLength=\"360\" L=\"0\"/></UPLOADINFO>";
        assertThat(failure(win7).reason()).isEqualTo(Reason.WINDOWS_TICKET);
        String noStub = win7.replace(" PassStub=\"Zq*1\"", "").replace("bm90IHJlYWxseSBlbmNyeXB0ZWQ=", "65538,1,a:1,*,b,*,*,c");
        assertThat(failure(noStub).reason()).isEqualTo(Reason.WINDOWS_TICKET);
    }

    @Test
    void expiredTicketIsStillReadSoTheCallerCanSaySo() {
        Ticket t = CODEC.read(bytes(xml().replace("DtStart=\"4000000000\"", "DtStart=\"1000000000\"")));
        assertThat(t.isExpired(Instant.now())).isTrue();
    }

    @Test
    void readingToConnectRefusesAnExpiredTicketAsExpired() {
        byte[] old = bytes(xml().replace("DtStart=\"4000000000\"", "DtStart=\"1000000000\""));
        TicketException e = catchThrowableOfType(TicketException.class, () -> CODEC.readUnexpired(old, Instant.now()));
        assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(e.getMessage()).contains("expired at 2001-09-09T02:46:40Z");
        assertThat(CODEC.readUnexpired(bytes(xml()), Instant.now()).invitationId()).isEqualTo("k3x9q2ma7fzd");
    }

    @Test
    void controlCharactersInUserNameAreBadField() {
        assertThat(failure(xml().replace("USERNAME=\"alice\"", "USERNAME=\"al&#9;ice\"")).reason()).isEqualTo(Reason.BAD_FIELD);
    }

    @Test
    void controlCharactersInAGivenNameAreNotWritten() {
        Ticket t = Tickets.ticket();
        Ticket odd = new Ticket("al\u0007i\tce", t.addresses(), t.protocolVersion(), t.invitationId(),
                t.certificateFingerprint(), t.start(), t.length(), true, false);
        assertThat(CODEC.read(CODEC.write(odd)).userName()).isEqualTo("al i ce");
    }

    @Test
    void unexpectedElementIsBadField() {
        assertThat(failure(xml().replace("</UPLOADINFO>", "<SCRIPT/></UPLOADINFO>")).reason()).isEqualTo(Reason.BAD_FIELD);
    }
}
