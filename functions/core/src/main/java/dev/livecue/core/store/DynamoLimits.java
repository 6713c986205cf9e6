package dev.livecue.core.store;

/** DynamoDB's limits on one call, which the stores pack their work into. */
final class DynamoLimits {

    /** Items one TransactWriteItems may write or check. */
    static final int TRANSACTION_ITEMS = 100;
    /** Keys one BatchGetItem may ask for. */
    static final int BATCH_GET_KEYS = 100;

    private DynamoLimits() {
    }
}
