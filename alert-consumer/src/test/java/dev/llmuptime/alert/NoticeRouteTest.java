package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The route stage of delivery: the headers the evaluator wrote decide which webhook gets a record, and as which notification. */
class NoticeRouteTest {

    private static final AlertEvent FIRING = PayloadGoldenTest.event(AlertStatus.FIRING);
    private static final Map<String, Rule> RULES = rules("""
            alerts:
              webhooks:
                - {name: ops, url: "http://127.0.0.1:9000/ops"}
                - {name: manager, url: "http://127.0.0.1:9000/manager"}
              rules:
                - {name: down, condition: "consecutive-failures >= 2", notify: [ops]}
            """);

    @Test
    void aReminderGoesToItsReceiversOnlyWithItsNumber() {
        Headers headers = headers(new Notice(FIRING, NoticeKind.REMINDER, 3, 1, List.of("manager"), null));

        assertThat(route("manager").notificationOf(FIRING, headers)).contains(new Notification(FIRING, 3));
        assertThat(route("ops").notificationOf(FIRING, headers)).as("the rule's notify no longer decides").isEmpty();
    }

    @Test
    void aHeldRecordGoesToNobody() {
        Headers headers = headers(Notice.held(FIRING, NoticeKind.TRANSITION, 0, "maintenance"));

        assertThat(route("ops").notificationOf(FIRING, headers)).isEmpty();
        assertThat(route("manager").notificationOf(FIRING, headers)).isEmpty();
    }

    @Test
    void aRecordWithoutNoticeHeadersGoesWhereItsRuleSays() {
        assertThat(route("ops").notificationOf(FIRING, new RecordHeaders())).contains(new Notification(FIRING, 0));
        assertThat(route("manager").notificationOf(FIRING, new RecordHeaders())).isEmpty();
    }

    @Test
    void theHeadersReadBackAsWritten() {
        Notice escalation = new Notice(FIRING, NoticeKind.ESCALATION, 0, 2, List.of("ops", "manager"), null);

        assertThat(NoticeHeaders.read(headers(escalation)))
                .isEqualTo(new NoticeHeaders.Read("escalation", 0, 2, List.of("ops", "manager"), null));
        assertThat(NoticeHeaders.read(headers(Notice.held(FIRING, NoticeKind.RELEASE, 1, "maintenance"))))
                .isEqualTo(new NoticeHeaders.Read("release", 0, 1, List.of(), "maintenance"));
    }

    private static NoticeRoute route(String webhook) {
        return new NoticeRoute(webhook, RULES::get);
    }

    private static Headers headers(Notice notice) {
        Headers headers = new RecordHeaders();
        NoticeHeaders.write(notice, headers);
        return headers;
    }

    private static Map<String, Rule> rules(String yaml) {
        MonitorConfig config = new ConfigLoader(name -> null).parse(yaml, "test.yaml");
        return Rules.byName(Rules.compile(config));
    }
}
