package dev.llmuptime.aggregator;

import dev.llmuptime.aggregator.state.Streak;
import dev.llmuptime.aggregator.state.WindowAccumulator;
import dev.llmuptime.schema.AvroSerde;

/** Serdes of the aggregator's own state, in the same Avro single-object encoding as the topics. */
final class StateSerdes {

    private StateSerdes() {
    }

    static final class WindowAccumulatorSerde extends AvroSerde<WindowAccumulator> {
        WindowAccumulatorSerde() {
            super(WindowAccumulator.getClassSchema());
        }
    }

    static final class StreakSerde extends AvroSerde<Streak> {
        StreakSerde() {
            super(Streak.getClassSchema());
        }
    }
}
