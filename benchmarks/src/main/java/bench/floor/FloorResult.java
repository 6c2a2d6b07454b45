package bench.floor;

/** What the floor returns: the task, the status and the two ids support asks for. */
public record FloorResult(FloorTask task, int statusCode, String requestId, String resourceId) {}
