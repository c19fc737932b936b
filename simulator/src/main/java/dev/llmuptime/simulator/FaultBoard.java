package dev.llmuptime.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The faults in force, by model. A model's own fault wins over the {@code *} one; setting
 * {@code *} to healthy clears every fault.
 */
final class FaultBoard {

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final RandomGenerator random;

    FaultBoard(RandomGenerator random) {
        this.random = random;
    }

    void set(Fault fault) {
        if (fault.model().equals(Fault.ALL_MODELS) && fault.mode() == FaultMode.HEALTHY) {
            faults.clear();
        } else {
            faults.put(fault.model(), fault);
        }
    }

    List<Fault> all() {
        return faults.values().stream().sorted(Comparator.comparing(Fault::model)).toList();
    }

    /** The behaviour for one request to {@code model}, after rolling the fault's probability. */
    Fault roll(String model) {
        Fault fault = faults.getOrDefault(model, faults.get(Fault.ALL_MODELS));
        if (fault == null || fault.mode() == FaultMode.HEALTHY) {
            return Fault.healthy(model);
        }
        return random.nextDouble() < fault.probability() ? fault : Fault.healthy(model);
    }
}
