package org.lifeline.input.macos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Calls the tap callback the way macOS does, through a native function pointer made by JNA, so the
 * callback's Java signature is proven to marshal (the CoreGraphics side is replaced by a map of fields).
 */
class TapListenerTest {
    private final Map<Integer, Long> fields = new HashMap<>();
    private final AtomicInteger reenabled = new AtomicInteger();
    private final AtomicInteger escapes = new AtomicInteger();
    private final List<RuntimeException> errors = new ArrayList<>();
    private final TapListener listener = new TapListener(new TapListener.Events() {
        @Override
        public long field(Pointer event, int field) {
            return fields.getOrDefault(field, 0L);
        }

        @Override
        public void reenableTap() {
            reenabled.incrementAndGet();
        }
    }, Runnable::run, escapes::incrementAndGet, errors::add);

    private Pointer callThroughNativePointer(int type, Pointer event) {
        Function f = Function.getFunction(CallbackReference.getFunctionPointer(listener));
        return (Pointer) f.invoke(Pointer.class, new Object[] {null, type, event, null});
    }

    @Test
    void novicesEscIsReportedAndTheEventPassesOnUnchanged() {
        Memory event = new Memory(8);
        fields.put(Quartz.FIELD_KEYBOARD_KEYCODE, (long) MacKeys.ESCAPE);
        assertThat(callThroughNativePointer(EscapeDecision.KEY_DOWN, event)).isEqualTo(event);
        assertThat(escapes).hasValue(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void escLifelinePostedIsNotReported() {
        fields.put(Quartz.FIELD_KEYBOARD_KEYCODE, (long) MacKeys.ESCAPE);
        fields.put(Quartz.FIELD_SOURCE_USER_DATA, EscapeDecision.LIFELINE_MARK);
        callThroughNativePointer(EscapeDecision.KEY_DOWN, new Memory(8));
        assertThat(escapes).hasValue(0);
    }

    @Test
    void disabledTapIsSwitchedBackOn() {
        callThroughNativePointer(EscapeDecision.TAP_DISABLED_BY_TIMEOUT, null);
        assertThat(reenabled).hasValue(1);
        assertThat(escapes).hasValue(0);
    }

    @Test
    void failureInsideTheCallbackIsReportedNotThrownIntoNativeCode() {
        TapListener failing = new TapListener(new TapListener.Events() {
            @Override
            public long field(Pointer event, int field) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void reenableTap() {
            }
        }, Runnable::run, escapes::incrementAndGet, errors::add);
        Memory event = new Memory(8);
        assertThat(failing.invoke(null, EscapeDecision.KEY_DOWN, event, null)).isEqualTo(event);
        assertThat(errors).hasSize(1);
    }
}
