package org.lifeline.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The bounded formats of the CONTROL and INPUT channels. */
class WireFormatTest {

    @Property
    void controlMessagesRoundTrip(@ForAll ControlMessage.Type type, @ForAll @Size(max = 100) String reason) {
        ControlMessage decoded = decodeControl(new ControlMessage(type, reason).encode());

        assertThat(decoded.type()).isEqualTo(type);
        assertThat(reason).startsWith(decoded.reason());
    }

    @Property
    void arbitraryControlBytesAreDecodedOrRefusedNeverCrash(@ForAll @Size(max = 600) byte[] frame) {
        try {
            ControlMessage m = ControlMessage.decode(frame);
            assertThat(frame.length).isLessThanOrEqualTo(ControlMessage.MAX_MESSAGE_BYTES);
            assertThat(m.type()).isNotNull();
        } catch (MalformedFrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void aLongReasonIsCutAtACharacterBoundary() {
        String reason = "é".repeat(ControlMessage.MAX_REASON_BYTES);

        byte[] frame = new ControlMessage(ControlMessage.Type.BYE, reason).encode();

        assertThat(frame).hasSizeLessThanOrEqualTo(ControlMessage.MAX_MESSAGE_BYTES);
        assertThat(decodeControl(frame).reason()).isEqualTo("é".repeat(ControlMessage.MAX_REASON_BYTES / 2));
    }

    @Test
    void controlFramesWithLiesInThemAreRefused() {
        byte[] good = new ControlMessage(ControlMessage.Type.BYE, "bye").encode();
        byte[] wrongLength = good.clone();
        wrongLength[3] = 9;
        byte[] unknownType = good.clone();
        unknownType[1] = 99;
        byte[] notUtf8 = { 1, 8, 0, 1, (byte) 0xff };

        for (byte[] bad : List.of(wrongLength, unknownType, notUtf8, new byte[ControlMessage.MAX_MESSAGE_BYTES + 1])) {
            assertThatThrownBy(() -> ControlMessage.decode(bad)).isInstanceOf(MalformedFrameException.class);
        }
    }

    @Property
    void inputEventsRoundTripInOrder(@ForAll("events") List<InputEvent> events) throws Exception {
        List<InputEvent> decoded = new ArrayList<>();
        for (byte[] frame : InputEvent.encode(events)) {
            assertThat(frame.length).isLessThanOrEqualTo(InputEvent.MAX_FRAME_BYTES);
            decoded.addAll(InputEvent.decode(frame));
        }
        assertThat(decoded).isEqualTo(events);
    }

    @Property
    void arbitraryInputBytesAreDecodedOrRefusedNeverCrash(@ForAll @Size(max = 64) byte[] frame) {
        try {
            assertThat(InputEvent.decode(frame)).isNotEmpty();
        } catch (MalformedFrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void inputOutsideItsBoundsIsRefused() {
        byte[] tooFar = InputEvent.encode(List.of(new InputEvent.Pointer(1, 1, 0))).get(0);
        tooFar[1] = 0x7f;
        byte[] badButtons = InputEvent.encode(List.of(new InputEvent.Pointer(1, 1, 0))).get(0);
        badButtons[9] = 8;
        byte[] truncatedKey = { InputEvent.KEY, 0, 0 };
        byte[] zeroKeysym = { InputEvent.KEY, 0, 0, 0, 0, 1 };

        for (byte[] bad : List.of(tooFar, badButtons, truncatedKey, zeroKeysym, new byte[0],
                new byte[InputEvent.MAX_FRAME_BYTES + 1])) {
            assertThatThrownBy(() -> InputEvent.decode(bad)).isInstanceOf(MalformedFrameException.class);
        }
    }

    @Provide
    Arbitrary<List<InputEvent>> events() {
        Arbitrary<Integer> coordinate = Arbitraries.integers().between(-InputEvent.MAX_COORDINATE, InputEvent.MAX_COORDINATE);
        Arbitrary<InputEvent> pointer = Combinators.combine(coordinate, coordinate,
                Arbitraries.integers().between(0, InputEvent.MAX_BUTTON_MASK)).as(InputEvent.Pointer::new);
        Arbitrary<Integer> notches = Arbitraries.integers().between(-InputEvent.MAX_WHEEL_NOTCHES, InputEvent.MAX_WHEEL_NOTCHES);
        Arbitrary<InputEvent> wheel = Combinators.combine(notches, notches).as(InputEvent.Wheel::new);
        Arbitrary<InputEvent> key = Combinators.combine(Arbitraries.integers().between(1, InputEvent.MAX_KEYSYM),
                Arbitraries.of(true, false)).as(InputEvent.Key::new);
        return Arbitraries.oneOf(pointer, wheel, key).list().ofMaxSize(900);
    }

    private static ControlMessage decodeControl(byte[] frame) {
        try {
            return ControlMessage.decode(frame);
        } catch (MalformedFrameException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reasonsTravelAsUtf8() {
        byte[] frame = new ControlMessage(ControlMessage.Type.CONTROL_ENDED, "Jürgen drückte Esc ✋").encode();

        assertThat(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8)).isEqualTo("Jürgen drückte Esc ✋");
    }
}
