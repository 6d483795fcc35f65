"""Helpers shared by test modules (servers, browsers) that are more than a fixture."""
