"""Alerts: telling people about new reports, and the operator about sources in trouble.

The outbox lives in the database (db/outbox.py): storing a new report queues one alert per
matching channel in the same transaction. This package is the edge that sends them:

- `config`: the `[[alerts]]` tables checked into `Channel` objects;
- `message`: what an alert says (JSON payload, Vietnamese text, snippet);
- `webhook`, `apprise_channel`, `atom_feed`, `jsonl_file`: one sender per channel type;
- `delivery`: due alerts → senders, retries with exponential backoff and jitter;
- `health`: the rules that call a source down (or back) after a cycle;
- `cycle`: what ends every monitoring cycle (health, then delivery).

Nothing here is imported by the crawl itself; senders load their libraries only when used.
"""
