package io.quickstep.service;

import io.quickstep.execution.Clock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's state machines (with their versions and aliases) and activities, found by ARN.
 * Every change happens while holding this object's monitor and is saved to the data directory,
 * when there is one, before the lock is let go; reads on the execution path take no lock.
 */
final class Registry {
    final Arns arns;
    final Clock clock;
    /** Whether EXPRESS machines may use activities and .waitForTaskToken (see the service's settings). */
    final boolean expressCallbacks;
    private final DataDirectory data;
    private final Map<String, StateMachineEntry> machines = new ConcurrentHashMap<>();
    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Alias> aliases = new ConcurrentHashMap<>();
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();

    /** A registry holding what {@code dataDirectory} holds (null: nothing is kept between runs). */
    Registry(Arns arns, Clock clock, Path dataDirectory, boolean expressCallbacks) {
        this.arns = arns;
        this.clock = clock;
        this.expressCallbacks = expressCallbacks;
        this.data = dataDirectory == null ? null : new DataDirectory(dataDirectory);
        if (data != null) {
            StoredForm stored = new StoredForm(arns);
            data.load(DataDirectory.STATE_MACHINES).forEach(json -> index(stored.stateMachine(json)));
            data.load(DataDirectory.ACTIVITIES).forEach(json -> {
                Activity activity = stored.activity(json);
                activities.put(activity.arn, activity);
            });
        }
    }

    long now() {
        return clock.millis();
    }

    /** The state machine with this unqualified ARN, or null. */
    StateMachineEntry machine(String arn) {
        return machines.get(arn);
    }

    Version version(String arn) {
        return versions.get(arn);
    }

    Alias alias(String arn) {
        return aliases.get(arn);
    }

    Activity activity(String arn) {
        return activities.get(arn);
    }

    /** The state machine with this unqualified ARN, or AWS's error naming what is wrong with it. */
    StateMachineEntry existingMachine(String arn) {
        StateMachineEntry known = machines.get(arn); // every key is a well-formed unqualified ARN
        if (known != null) {
            return known;
        }
        String[] parts = arns.parse(arn, Arns.STATE_MACHINE);
        StateMachineEntry entry = parts.length == 1 ? machines.get(arn) : null;
        if (entry == null) {
            throw AwsErrors.stateMachineDoesNotExist(arn);
        }
        return entry;
    }

    /** Every state machine, by name. */
    List<StateMachineEntry> machines() {
        List<StateMachineEntry> all = new ArrayList<>(machines.values());
        all.sort(Comparator.comparing(e -> e.name));
        return all;
    }

    /** Every activity, by name. */
    List<Activity> activities() {
        List<Activity> all = new ArrayList<>(activities.values());
        all.sort(Comparator.comparing(a -> a.name));
        return all;
    }

    /** Makes a new or changed state machine, its versions and aliases findable, and saves it. */
    void saved(StateMachineEntry entry) {
        forget(entry);
        index(entry);
        if (data != null) {
            data.save(DataDirectory.STATE_MACHINES, entry.name, entry.toJson());
        }
    }

    void deleted(StateMachineEntry entry) {
        forget(entry);
        machines.remove(entry.arn);
        if (data != null) {
            data.delete(DataDirectory.STATE_MACHINES, entry.name);
        }
    }

    void saved(Activity activity) {
        activities.put(activity.arn, activity);
        if (data != null) {
            data.save(DataDirectory.ACTIVITIES, activity.name, activity.toJson());
        }
    }

    void deleted(Activity activity) {
        activities.remove(activity.arn);
        if (data != null) {
            data.delete(DataDirectory.ACTIVITIES, activity.name);
        }
    }

    private void index(StateMachineEntry entry) {
        machines.put(entry.arn, entry);
        entry.versions.values().forEach(v -> versions.put(v.arn(), v));
        entry.aliases.values().forEach(a -> aliases.put(a.arn(), a));
    }

    /** Drops the versions and aliases of the machine from the indexes (they are indexed again when saved). */
    private void forget(StateMachineEntry entry) {
        String prefix = entry.arn + ":";
        versions.keySet().removeIf(arn -> arn.startsWith(prefix));
        aliases.keySet().removeIf(arn -> arn.startsWith(prefix));
    }
}
