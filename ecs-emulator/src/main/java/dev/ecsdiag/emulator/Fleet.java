package dev.ecsdiag.emulator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The instances an emulator serves, ordered by id so that pages are stable. Thread-safe. */
public final class Fleet {

    private final ConcurrentSkipListMap<String, EmulatedInstance> instances = new ConcurrentSkipListMap<>();

    /** Adds or replaces an instance. */
    public Fleet put(EmulatedInstance instance) {
        instances.put(instance.id(), instance);
        return this;
    }

    public Fleet putAll(Collection<EmulatedInstance> all) {
        all.forEach(this::put);
        return this;
    }

    public Optional<EmulatedInstance> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(instances.get(id));
    }

    /**
     * The instance with this id in this region, as the per-instance actions look it up: an instance
     * of another region does not exist for the caller.
     */
    EmulatedInstance requireInRegion(String id, String region) {
        return find(id).filter(i -> i.regionId().equals(region)).orElseThrow(EcsError::instanceNotFound);
    }

    /** Sets an instance's status, e.g. to stop it between two calls. */
    public void setStatus(String id, String status) {
        instances.computeIfPresent(id, (k, v) -> v.withStatus(status));
    }

    public boolean remove(String id) {
        return instances.remove(id) != null;
    }

    public List<EmulatedInstance> all() {
        return List.copyOf(instances.values());
    }

    public int size() {
        return instances.size();
    }
}
