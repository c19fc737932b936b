package dev.llmuptime.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the public status page and the badges tell about one target, and its JSON, in which the
 * instances hand it to each other. Only fields safe to publish: no URL, key or instance address.
 */
record PublicTargetStatus(String targetId, String provider, String model, String check, PublicState state,
        Map<UptimeWindow, Double> uptime, List<DailyBars.Day> days) {

    PublicTargetStatus {
        uptime = Map.copyOf(uptime);
        days = List.copyOf(days);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("targetId", targetId).put("provider", provider)
                .put("model", model).put("check", check).put("state", state.label());
        ObjectNode uptimes = node.putObject("uptime");
        for (UptimeWindow window : UptimeWindow.values()) {
            uptimes.put(window.label(), uptime.get(window));
        }
        ArrayNode bars = node.putArray("days");
        for (DailyBars.Day day : days) {
            bars.addObject().put("date", day.date().toString()).put("probes", day.probes()).put("uptime", day.uptime());
        }
        return node;
    }

    static PublicTargetStatus fromJson(JsonNode node) {
        Map<UptimeWindow, Double> uptime = new EnumMap<>(UptimeWindow.class);
        for (UptimeWindow window : UptimeWindow.values()) {
            Double value = number(node.path("uptime").path(window.label()));
            if (value != null) {
                uptime.put(window, value);
            }
        }
        List<DailyBars.Day> days = new ArrayList<>();
        for (JsonNode day : node.path("days")) {
            days.add(new DailyBars.Day(LocalDate.parse(day.path("date").asText()), day.path("probes").asLong(),
                    number(day.path("uptime"))));
        }
        return new PublicTargetStatus(node.path("targetId").asText(), node.path("provider").asText(),
                node.path("model").asText(), node.path("check").asText(),
                PublicState.parse(node.path("state").asText()), uptime, days);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
