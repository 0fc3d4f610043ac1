package org.lifeline.capture.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.lifeline.api.LifelineException;

class PixelLayoutTest {
    @Test
    void usualDisplayImageIsLittleEndianWithAlphaFirst() {
        PixelLayout layout = PixelLayout.of(32, 8, Quartz.BYTE_ORDER_32_LITTLE | Quartz.ALPHA_NONE_SKIP_FIRST);
        assertThat(layout).isEqualTo(new PixelLayout(ByteOrder.LITTLE_ENDIAN, true));
        assertThat(layout.rgb(0xFF112233)).isEqualTo(0x112233);
    }

    @Test
    void defaultByteOrderIsBigEndianAndAlphaLastShiftsColourDown() {
        PixelLayout layout = PixelLayout.of(32, 8, Quartz.ALPHA_PREMULTIPLIED_LAST);
        assertThat(layout).isEqualTo(new PixelLayout(ByteOrder.BIG_ENDIAN, false));
        assertThat(layout.rgb(0x112233FF)).isEqualTo(0x112233);
    }

    @Test
    void formatsThatAreNot8BitsPerChannelAreRefusedWithAHint() {
        assertThatThrownBy(() -> PixelLayout.of(16, 5, 0x1000 | Quartz.ALPHA_NONE_SKIP_FIRST))
                .isInstanceOf(LifelineException.class).hasMessageContaining("millions of colours");
        assertThatThrownBy(() -> PixelLayout.of(64, 16, Quartz.FLOAT_COMPONENTS | Quartz.ALPHA_PREMULTIPLIED_LAST))
                .isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> PixelLayout.of(32, 8, Quartz.ALPHA_NONE)).isInstanceOf(LifelineException.class);
        assertThatThrownBy(() -> PixelLayout.of(32, 8, (1 << 12) | Quartz.ALPHA_FIRST)).isInstanceOf(LifelineException.class);
    }
}
