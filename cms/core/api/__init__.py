"""The content API: what the static build reads. Reference: docs/api.md."""
