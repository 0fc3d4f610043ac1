package org.lifeline.screen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.Quality;
import org.junit.jupiter.api.Test;

class ScreenProtocolTest {
    @Test
    void requestsQualityStatsAndCursorsRoundTrip() throws Exception {
        assertThat(ScreenProtocol.parseRequest(ScreenProtocol.request(new ScreenProtocol.Request(7, 6, true))))
                .isEqualTo(new ScreenProtocol.Request(7, 6, true));
        assertThat(ScreenProtocol.parseQuality(ScreenProtocol.quality(Quality.LOW))).isEqualTo(Quality.LOW);
        ScreenProtocol.Stats stats = new ScreenProtocol.Stats(16, 40, "tile", "solid 3, zlib 4");
        assertThat(ScreenProtocol.parseStats(ScreenProtocol.stats(stats))).isEqualTo(stats);
        int[] shape = {1, 2, 3, 4, 5, 6};
        Cursor c = ScreenProtocol.parseCursor(ScreenProtocol.cursor(new Cursor(-3, 4, 1, 2, 3, 2, shape, 99), true));
        assertThat(c.x()).isEqualTo(-3);
        assertThat(c.serial()).isEqualTo(99);
        assertThat(c.shape()).containsExactly(shape);
        assertThat(ScreenProtocol.parseCursor(ScreenProtocol.cursor(c, false)).shape()).isNull();
    }

    @Property(tries = 50)
    void anUpdateSplitIntoChunksReassemblesExactly(@ForAll @IntRange(min = 1, max = 200_000) int size) throws Exception {
        byte[] update = new byte[size];
        new java.util.Random(size).nextBytes(update);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int offset = 0; offset < size; offset += ScreenProtocol.MAX_CHUNK_BYTES) {
            byte[] frame = ScreenProtocol.updateChunk(3, 2, "tile", update, offset);
            assertThat(frame.length).isLessThanOrEqualTo(org.lifeline.api.transport.Connection.MAX_PAYLOAD);
            ScreenProtocol.UpdateChunk c = ScreenProtocol.parseUpdateChunk(frame);
            assertThat(c.offset()).isEqualTo(joined.size());
            assertThat(c.total()).isEqualTo(size);
            assertThat(c.codecId()).isEqualTo("tile");
            joined.write(c.data());
        }
        assertThat(joined.toByteArray()).isEqualTo(update);
    }

    @Property(tries = 2000)
    void anyBytesParseOrFailWithAProtocolException(@ForAll @Size(max = 64) byte[] payload) {
        for (byte type : new byte[] {ScreenProtocol.REQUEST, ScreenProtocol.QUALITY, ScreenProtocol.UPDATE,
                ScreenProtocol.STATS, ScreenProtocol.CURSOR}) {
            byte[] p = payload.clone();
            if (p.length > 0) p[0] = type;
            try {
                switch (type) {
                    case ScreenProtocol.REQUEST -> ScreenProtocol.parseRequest(p);
                    case ScreenProtocol.QUALITY -> ScreenProtocol.parseQuality(p);
                    case ScreenProtocol.UPDATE -> ScreenProtocol.parseUpdateChunk(p);
                    case ScreenProtocol.STATS -> ScreenProtocol.parseStats(p);
                    default -> ScreenProtocol.parseCursor(p);
                }
            } catch (ScreenProtocolException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void everyLimitIsEnforced() {
        byte[] oversized = ByteBuffer.allocate(1 + 16 + 1 + 4 + 1).put(ScreenProtocol.UPDATE).putInt(1).putInt(1)
                .putInt(ScreenProtocol.MAX_UPDATE_BYTES + 1).putInt(0).put((byte) 4).put("tile".getBytes()).put((byte) 0)
                .array();
        assertThatThrownBy(() -> ScreenProtocol.parseUpdateChunk(oversized)).hasMessageContaining("update size");

        byte[] beyond = ByteBuffer.allocate(1 + 16 + 1 + 4 + 2).put(ScreenProtocol.UPDATE).putInt(1).putInt(1)
                .putInt(10).putInt(9).put((byte) 4).put("tile".getBytes()).put((byte) 0).put((byte) 0).array();
        assertThatThrownBy(() -> ScreenProtocol.parseUpdateChunk(beyond)).hasMessageContaining("beyond");

        byte[] longId = ByteBuffer.allocate(1 + 16 + 1 + 40 + 1).put(ScreenProtocol.UPDATE).putInt(1).putInt(1)
                .putInt(10).putInt(0).put((byte) 40).put(new byte[40]).put((byte) 0).array();
        assertThatThrownBy(() -> ScreenProtocol.parseUpdateChunk(longId)).hasMessageContaining("codec id length");

        byte[] hugeCursor = ByteBuffer.allocate(26).put(ScreenProtocol.CURSOR).putInt(0).putInt(0).putLong(1)
                .put((byte) 1).putShort((short) 0).putShort((short) 0).putShort((short) 1000).putShort((short) 1)
                .array();
        assertThatThrownBy(() -> ScreenProtocol.parseCursor(hugeCursor)).hasMessageContaining("cursor shape");

        assertThatThrownBy(() -> ScreenProtocol.parseRequest(ScreenProtocol.request(new ScreenProtocol.Request(1, 1, false))))
                .hasMessageContaining("out of range");
        assertThat(ScreenProtocol.truncatedUtf8("ééé", 5)).hasSize(4);
    }

    @Test
    void aCursorShapeTooLargeTravelsWithoutIt() throws Exception {
        int side = ScreenProtocol.MAX_CURSOR_SIDE + 1;
        Cursor big = new Cursor(1, 2, 0, 0, side, side, new int[side * side], 5);
        assertThat(ScreenProtocol.parseCursor(ScreenProtocol.cursor(big, true)).shape()).isNull();
    }
}
