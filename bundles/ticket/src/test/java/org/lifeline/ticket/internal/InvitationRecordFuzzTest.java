package org.lifeline.ticket.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lifeline.api.invitation.InvitationStatus;

/** A damaged invitation file is an IOException (so the store sets it aside), never anything else. */
class InvitationRecordFuzzTest {
    private static final byte[] VALID = valid();

    private static byte[] valid() {
        InvitationRecord r = new InvitationRecord("k3x9q2ma7fzd", "file", "/tmp/a\\b \u00e9.msrcincident", "hi\nthere",
                Instant.parse("2026-03-01T10:00:00Z"), true, false, new byte[32], new byte[384]);
        r.expires = Instant.parse("2026-03-01T11:00:00Z");
        r.status = InvitationStatus.OPEN;
        r.port = 45000;
        r.ticket = Tickets.ticket();
        r.ticketFile = Tickets.CODEC.write(r.ticket);
        return r.toFile();
    }

    private static void loadsOrFailsCleanly(byte[] file) {
        try {
            InvitationRecord.fromFile(file, "k3x9q2ma7fzd", Tickets.CODEC);
        } catch (IOException expected) {
            // the only allowed failure
        }
    }

    @Property(tries = 500)
    void randomBytes(@ForAll @Size(max = 2048) byte[] file) {
        loadsOrFailsCleanly(file);
    }

    @Property(tries = 1000)
    void validFileWithFlippedBytes(@ForAll("flips") int[] positionsAndBits) {
        byte[] file = VALID.clone();
        for (int i = 0; i + 1 < positionsAndBits.length; i += 2) {
            file[positionsAndBits[i] % file.length] ^= (byte) (1 << (positionsAndBits[i + 1] % 8));
        }
        loadsOrFailsCleanly(file);
    }

    @Property(tries = 300)
    void validFileWithTextInserted(@ForAll("insertions") String file) {
        loadsOrFailsCleanly(file.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<int[]> flips() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMinSize(2).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> insertions() {
        String valid = new String(VALID, StandardCharsets.UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.of("\\u12", "\\", "\n", "=", ":", "status=EXPIRED\n", "port=0\n", "\\uZZZZ", "\u0000"))
                .as((at, piece) -> valid.substring(0, at) + piece + valid.substring(at));
    }
}
