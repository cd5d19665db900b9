package dev.ecsdiag.ecs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ECS regions ecsdiag knows by name, to tell a misspelt region ({@code cn-hangzou}) from an
 * unreachable network when the region's public endpoint cannot be reached. New regions open from
 * time to time: a region missing here is still used as given; this list only improves messages.
 */
public final class KnownRegions {

    static final List<String> REGIONS = List.of(
            "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou", "cn-shanghai",
            "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-wuhan-lr", "cn-hongkong",
            "cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-beijing-finance-1", "cn-north-2-gov-1",
            "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ap-south-1", "us-east-1", "us-west-1", "eu-west-1", "eu-central-1",
            "me-east-1", "me-central-1", "na-south-1");

    private KnownRegions() {
    }

    public static boolean isKnown(String region) {
        return REGIONS.contains(region);
    }

    /** The known region closest in spelling, when it is close enough to be a typo (at most 2 edits). */
    public static Optional<String> closest(String region) {
        if (region == null) {
            return Optional.empty();
        }
        return REGIONS.stream().min(Comparator.comparingInt(r -> distance(r, region)))
                .filter(r -> distance(r, region) <= 2);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
