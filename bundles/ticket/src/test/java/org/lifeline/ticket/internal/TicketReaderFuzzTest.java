package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeline.ticket.internal.Tickets.CODEC;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.invitation.TicketException.Reason;

/**
 * Whatever bytes arrive, the reader answers with a ticket or a documented {@link TicketException}: never
 * another exception, never a hang (every property has a bounded number of tries on at most 64 KiB).
 */
class TicketReaderFuzzTest {
    private static final byte[] VALID = Tickets.xml().getBytes(StandardCharsets.UTF_8);
    private static final Set<Reason> DOCUMENTED = EnumSet.allOf(Reason.class);
    private static final String[] HOSTILE = {
        "<!DOCTYPE UPLOADINFO [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE UPLOADINFO SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
        "<!ENTITY % p SYSTEM \"file:///etc/hostname\">%p;",
        "&x;", "&lt;", "&#0;", "&#x10FFFF;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>",
        "\u0000", "\uFEFF", "\"", ",", ";", ":", "[", "]", "65538,", "19529,", "PassStub=\"x\"",
    };

    private static void readsCleanly(byte[] file) {
        try {
            CODEC.read(file);
        } catch (TicketException e) {
            assertThat(e.reason()).isIn(DOCUMENTED);
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    @Property(tries = 1500)
    void randomBytes(@ForAll @Size(max = 4096) byte[] file) {
        readsCleanly(file);
    }

    @Property(tries = 1500)
    void validTicketWithFlippedBytes(@ForAll("flips") int[] positionsAndBits) {
        byte[] file = VALID.clone();
        for (int i = 0; i + 1 < positionsAndBits.length; i += 2) {
            file[positionsAndBits[i] % file.length] ^= (byte) (1 << (positionsAndBits[i + 1] % 8));
        }
        readsCleanly(file);
    }

    @Property(tries = 500)
    void validTicketTruncated(@ForAll("cut") int length) {
        readsCleanly(java.util.Arrays.copyOf(VALID, length));
    }

    @Property(tries = 1500)
    void hostileTextInsertedAnywhere(@ForAll("insertions") String file) {
        readsCleanly(file.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void hugeAttributes(@ForAll("huge") String file) {
        readsCleanly(file.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<int[]> flips() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMinSize(2).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, VALID.length);
    }

    @Provide
    Arbitrary<String> insertions() {
        String valid = new String(VALID, StandardCharsets.UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.of(HOSTILE).list().ofMinSize(1).ofMaxSize(4))
                .as((at, pieces) -> valid.substring(0, at) + String.join("", pieces) + valid.substring(at));
    }

    @Provide
    Arbitrary<String> huge() {
        String valid = new String(VALID, StandardCharsets.UTF_8);
        Arbitrary<String> attribute = Arbitraries.of("USERNAME", "RCTICKET", "DtStart", "DtLength", "L", "RCTICKETENCRYPTED");
        Arbitrary<String> filler = Arbitraries.of("A", "9", "1.2.3.4:5;", ",", "&amp;", "é").flatMap(unit ->
                Arbitraries.integers().between(1000, 70_000).map(unit::repeat));
        return Combinators.combine(attribute, filler).as((name, value) ->
                valid.replaceFirst(" " + name + "=\"[^\"]*\"", " " + name + "=\"" + java.util.regex.Matcher.quoteReplacement(value) + "\""));
    }
}
