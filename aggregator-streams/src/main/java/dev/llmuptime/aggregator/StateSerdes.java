package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.AvroSerde;
import dev.llmuptime.schema.ReleasedSchemas;

/**
 * Serdes of the aggregator's own state, in the same Avro single-object encoding as the topics. Each
 * also reads state written with its earlier schemas (resources {@code released/<Record>/v<N>.avsc}
 * here), so an upgrade keeps the stores and changelogs it finds.
 */
final class StateSerdes {

    private StateSerdes() {
    }

    static final class WindowAccumulatorSerde extends AvroSerde<WindowAccumulator> {
        WindowAccumulatorSerde() {
            super(WindowAccumulator.getClassSchema(), ReleasedSchemas.of(StateSerdes.class, "WindowAccumulator"));
        }
    }

    static final class StreakSerde extends AvroSerde<Streak> {
        StreakSerde() {
            super(Streak.getClassSchema(), ReleasedSchemas.of(StateSerdes.class, "Streak"));
        }
    }
}
