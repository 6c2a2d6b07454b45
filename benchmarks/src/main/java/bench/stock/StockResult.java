package bench.stock;

import bench.stock.generated.model.CloudTranscoderTask;

/** What the stock wrapper returns: the generated model, the status and the two ids. */
public record StockResult(
    CloudTranscoderTask task, int statusCode, String requestId, String resourceId) {}
