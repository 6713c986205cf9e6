package dev.livecue.core.creator;

/** The answer to creating a creator: the profile and its first API key, shown this once. */
public record CreatedCreator(Creator creator, String apiKey) {
}
