package dev.llmuptime.bench;

import java.util.List;
import java.util.Set;

/** One injection of every fault at {@code faultAt}, cleared at {@code clearedAt}. */
record Trial(int number, long faultAt, long clearedAt) {

    /** First firing arrival minus fault start, per row and fault; null when the stack never fired. */
    Long detection(List<Receiver.Arrival> arrivals, View view, String fault) {
        String model = modelOf(fault);
        return arrivals.stream().filter(a -> view.counts(a) && a.model().equals(model) && a.firing()
                && a.at() >= faultAt).map(a -> a.at() - faultAt).min(Long::compare).orElse(null);
    }

    /** First resolved arrival minus recovery, per row and fault; null when it never resolved. */
    Long resolve(List<Receiver.Arrival> arrivals, View view, String fault) {
        String model = modelOf(fault);
        return arrivals.stream().filter(a -> view.counts(a) && a.model().equals(model) && !a.firing()
                && a.at() >= clearedAt).map(a -> a.at() - clearedAt).min(Long::compare).orElse(null);
    }

    /** Whether every stack that fired on a faulty model since the fault has resolved it since recovery. */
    boolean settled(List<Receiver.Arrival> arrivals) {
        for (String stack : PeersBench.STACKS) {
            View all = new View(stack, stack, Set.of());
            for (String model : PeersBench.FAULTY_MODELS) {
                if (detection(arrivals, all, model) != null && resolve(arrivals, all, model) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The model {@code fault} ran on in this trial. */
    String modelOf(String fault) {
        return fault.equals(PeersBench.SLOW) ? PeersBench.slowModel(number) : fault;
    }

    String describe(List<Receiver.Arrival> arrivals) {
        StringBuilder line = new StringBuilder("trial " + number + " (fault held " + (clearedAt - faultAt) / 1000
                + " s), detection/resolve ms:");
        for (View view : View.ALL) {
            for (String model : PeersBench.FAULTY_MODELS) {
                line.append(' ').append(view.name().replace(' ', '_')).append('/').append(model).append('=')
                        .append(detection(arrivals, view, model)).append('/').append(resolve(arrivals, view, model));
            }
        }
        return line.toString();
    }
}
