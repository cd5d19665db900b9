package dev.ecsdiag.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DescribeInstances with the filters a collector uses: {@code InstanceIds} (a JSON array, at most
 * 100), {@code Tag.N.Key}/{@code Tag.N.Value} (N 1..20, all must match), {@code Status}; paging by
 * {@code NextToken}/{@code MaxResults} or {@code PageNumber}/{@code PageSize} (at most 100).
 * A caller whose RAM policy denies the action gets an empty list, as on the service.
 */
final class DescribeInstancesAction implements EcsAction {

    static final String NAME = "DescribeInstances";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fleet fleet;

    DescribeInstancesAction(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String instanceId(RpcRequest request) {
        return null;
    }

    @Override
    public Answer answer(RpcRequest request, CredentialStore.AccessKey caller) {
        String region = request.require("RegionId");
        Set<String> ids = instanceIds(request.get("InstanceIds"));
        Map<String, String> tags = tagFilters(request);
        String status = request.get("Status");

        List<EmulatedInstance> matching = new ArrayList<>();
        if (caller.allows(NAME)) {
            for (EmulatedInstance i : fleet.all()) {
                if (i.regionId().equals(region)
                        && (ids == null || ids.contains(i.id()))
                        && (status == null || status.equals(i.status()))
                        && hasTags(i, tags)) {
                    matching.add(i);
                }
            }
        }
        String filterKey = region + "|" + request.get("InstanceIds") + "|" + tags + "|" + status;

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        int from;
        int size;
        boolean tokenPaging = request.get("NextToken") != null || request.get("MaxResults") != null;
        if (tokenPaging) {
            size = request.intParameter("MaxResults", 10, 1, 100);
            from = request.get("NextToken") == null ? 0 : PageToken.offset(request.get("NextToken"), filterKey);
        } else {
            int page = request.intParameter("PageNumber", 1, 1, Integer.MAX_VALUE);
            size = request.intParameter("PageSize", 10, 1, 100);
            from = (int) Math.min((long) (page - 1) * size, Integer.MAX_VALUE);
            out.put("PageNumber", page);
        }
        int to = Math.min(matching.size(), Math.max(from, 0) + size);
        List<EmulatedInstance> page = from >= matching.size() ? List.of() : matching.subList(from, to);
        out.put("PageSize", size);
        out.put("TotalCount", matching.size());
        if (tokenPaging) {
            out.put("NextToken", to < matching.size() ? PageToken.of(to, filterKey) : "");
        }
        ArrayNode list = out.putObject("Instances").putArray("Instance");
        page.forEach(i -> list.add(describe(i)));
        return Answer.of(out);
    }

    private static Set<String> instanceIds(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw EcsError.invalidParameter("InstanceIds", "not a JSON array of strings");
        }
        if (node == null || !node.isArray()) {
            throw EcsError.invalidParameter("InstanceIds", "not a JSON array of strings");
        }
        if (node.size() > 100) {
            throw EcsError.invalidParameter("InstanceIds", "at most 100 ids, got " + node.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw EcsError.invalidParameter("InstanceIds", "not a JSON array of strings");
            }
            ids.add(n.asText());
        }
        return ids;
    }

    /** {@code Tag.N.Key} -> {@code Tag.N.Value} (null value: any value). */
    private static Map<String, String> tagFilters(RpcRequest request) {
        Map<Integer, String[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : request.parameters().entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("Tag.")) {
                continue;
            }
            String[] parts = k.split("\\.");
            if (parts.length != 3 || !parts[1].matches("\\d{1,3}") || !(parts[2].equals("Key") || parts[2].equals("Value"))) {
                continue;
            }
            int n = Integer.parseInt(parts[1]);
            if (n < 1 || n > 20) {
                throw EcsError.invalidParameter(k, "tag index must be between 1 and 20");
            }
            String[] kv = byIndex.computeIfAbsent(n, x -> new String[2]);
            kv[parts[2].equals("Key") ? 0 : 1] = e.getValue();
        }
        Map<String, String> tags = new TreeMap<>();
        for (Map.Entry<Integer, String[]> e : byIndex.entrySet()) {
            String[] kv = e.getValue();
            if (kv[0] == null || kv[0].isEmpty()) {
                throw EcsError.missingParameter("Tag." + e.getKey() + ".Key");
            }
            tags.put(kv[0], kv[1]);
        }
        return tags;
    }

    private static boolean hasTags(EmulatedInstance i, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            String have = i.tags().get(w.getKey());
            if (have == null || (w.getValue() != null && !w.getValue().equals(have))) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode describe(EmulatedInstance i) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("InstanceId", i.id());
        n.put("InstanceName", i.name());
        n.put("HostName", i.name());
        n.put("Description", "");
        n.put("Status", i.status());
        n.put("RegionId", i.regionId());
        n.put("ZoneId", i.zoneId());
        n.put("InstanceType", i.instanceType());
        n.put("CreationTime", i.creationTime());
        n.put("OSType", "linux");
        n.put("InstanceNetworkType", "vpc");
        n.put("InstanceChargeType", "PostPaid");
        n.put("StoppedMode", "Running".equals(i.status()) ? "Not-applicable" : "KeepCharging");
        ArrayNode tags = n.putObject("Tags").putArray("Tag");
        i.tags().forEach((k, v) -> tags.addObject().put("TagKey", k).put("TagValue", v));
        return n;
    }

    /** An opaque page token bound to the filters it was issued for. */
    static final class PageToken {
        private PageToken() {
        }

        static String of(int offset, String filterKey) {
            String raw = offset + ":" + Integer.toHexString(filterKey.hashCode());
            return java.util.HexFormat.of().formatHex(raw.getBytes(StandardCharsets.US_ASCII));
        }

        static int offset(String token, String filterKey) {
            try {
                String raw = new String(java.util.HexFormat.of().parseHex(token), StandardCharsets.US_ASCII);
                int colon = raw.indexOf(':');
                if (colon > 0 && raw.substring(colon + 1).equals(Integer.toHexString(filterKey.hashCode()))) {
                    return Integer.parseInt(raw.substring(0, colon));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the service's answer
            }
            throw EcsError.invalidParameter("NextToken", "the token is not valid for this request");
        }
    }
}
