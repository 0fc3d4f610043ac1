package org.lifeline.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void stringsFromThePeerAreEscapedSoEachRecordStaysOneLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expert", "mal\"lory\\\n\r\t\u0001\u2028");
        fields.put("duration_s", 1.5);
        fields.put("gone", null);

        String json = AuditLog.toJson(fields);

        assertThat(json).isEqualTo("{\"expert\":\"mal\\\"lory\\\\\\n\\r\\t\\u0001\\u2028\",\"duration_s\":1.5,\"gone\":null}");
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void unicodeNamesAreKeptAsTheyAreButLoneSurrogatesAreEscaped() {
        assertThat(AuditLog.toJson(Map.of("n", "Zoë 😀"))).isEqualTo("{\"n\":\"Zoë 😀\"}");
        assertThat(AuditLog.toJson(Map.of("n", "x\ud800y"))).isEqualTo("{\"n\":\"x\\ud800y\"}");
    }
}
