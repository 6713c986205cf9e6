package dev.livecue.core.schedule;

/** Where followers watch a creator's live. Livecue never calls TikTok; this is only the public page. */
public final class LiveLinks {

    private LiveLinks() {
    }

    public static String live(String handle) {
        return "https://www.tiktok.com/@" + handle + "/live";
    }
}
