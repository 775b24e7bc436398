"""The aiohttp gateway: channels in, routing, engine, transcripts."""
