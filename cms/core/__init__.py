"""Shared parts of every content domain: images, blocks, choices, the API."""
