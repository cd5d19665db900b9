package dev.ecsdiag.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a person asks first about an OOM kill, in words, from the finding's details: which process
 * was killed, how much memory it held, which cgroup and its limit, who asked for memory. The raw
 * details (twenty-odd keys) stay available folded below them.
 */
final class OomFacts {

    private OomFacts() {
    }

    /** Label to sentence, in the order people ask; only facts the log gave. */
    static Map<String, String> headline(Map<String, String> d) {
        Map<String, String> out = new LinkedHashMap<>();
        String process = d.get("process");
        if (process != null) {
            out.put("killed", process + (d.containsKey("pid") ? " (pid " + d.get("pid") + ")" : "")
                    + (d.containsKey("uid") ? ", uid " + d.get("uid") : ""));
        }
        Long anon = kb(d, "anon-rss-kb");
        Long file = kb(d, "file-rss-kb");
        Long shmem = kb(d, "shmem-rss-kb");
        if (anon != null) {
            long rss = anon + (file == null ? 0 : file) + (shmem == null ? 0 : shmem);
            String held = size(rss) + " resident (anonymous " + size(anon)
                    + (file == null ? "" : ", file " + size(file)) + (shmem == null ? "" : ", shared " + size(shmem)) + ")";
            Long vm = kb(d, "total-vm-kb");
            out.put("memory held", held + (vm == null ? "" : "; " + size(vm) + " virtual"));
        }
        if ("memcg".equals(d.get("scope"))) {
            String cgroup = d.getOrDefault("oom-memcg", d.getOrDefault("task-memcg", "a memory cgroup"));
            Long limit = kb(d, "memcg-limit-kb");
            Long usage = kb(d, "memcg-usage-kb");
            out.put("cgroup", cgroup + (limit == null ? "" : ", limit " + size(limit))
                    + (usage == null ? "" : ", using " + size(usage)) + ": the cgroup's limit, not the machine's memory");
        } else if (d.containsKey("scope")) {
            out.put("cgroup", "none: the whole machine ran out of memory" + (d.containsKey("task-memcg") && !"/".equals(d.get("task-memcg"))
                    ? " (the process was in " + d.get("task-memcg") + ")" : ""));
        }
        String invoker = d.get("invoked-by");
        if (invoker != null) {
            out.put("asked for memory", invoker + (invoker.equals(process) ? " itself" : "")
                    + (d.containsKey("order") ? ", " + pages(d.get("order")) : "")
                    + (d.containsKey("gfp-mask") ? " (gfp_mask " + d.get("gfp-mask") + ")" : ""));
        }
        return out;
    }

    private static String pages(String order) {
        try {
            int o = Integer.parseInt(order);
            return o == 0 ? "one page" : o > 0 && o < 31 ? (1 << o) + " contiguous pages (order " + o + ")" : "order " + order;
        } catch (NumberFormatException e) {
            return "order " + order;
        }
    }

    private static Long kb(Map<String, String> d, String key) {
        try {
            return d.containsKey(key) ? Long.parseLong(d.get(key)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 20224 kB is "19.8 MiB"; small sizes stay in kB. */
    static String size(long kb) {
        if (kb < 1024) {
            return kb + " kB";
        }
        double mib = kb / 1024.0;
        return mib < 1024 ? String.format(Locale.ROOT, "%.1f MiB", mib)
                : String.format(Locale.ROOT, "%.2f GiB", mib / 1024.0);
    }
}
