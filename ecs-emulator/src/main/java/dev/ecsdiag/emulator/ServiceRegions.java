package dev.ecsdiag.emulator;

import java.util.Set;

/**
 * The regions the real service answers for. A call naming any other region is answered
 * {@code InvalidRegionId.NotFound}, as the service does, so that a misspelt region
 * ({@code cn-hangzou}) fails the same way against the emulator as against Alibaba Cloud. The
 * emulator's own region and its fixtures' regions are always known too.
 */
final class ServiceRegions {

    static final Set<String> PUBLIC = Set.of(
            "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou", "cn-shanghai",
            "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-wuhan-lr", "cn-hongkong",
            "cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-beijing-finance-1", "cn-north-2-gov-1",
            "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ap-south-1", "us-east-1", "us-west-1", "eu-west-1", "eu-central-1",
            "me-east-1", "me-central-1", "na-south-1");

    private ServiceRegions() {
    }

    static EcsError unknown() {
        return new EcsError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
    }
}
