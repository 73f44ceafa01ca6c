/**
 * Files up to 50 MB; the API refuses larger declarations (413) and larger objects on completion.
 * Kept apart from the schemas: the S3 storage code needs it at every cold start, the schemas only
 * when an archive route runs.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
