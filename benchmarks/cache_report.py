def render(results: dict) -> str:  # placeholder
    return ""
