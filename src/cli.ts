console.error("sourced: the CLI is not built yet"); process.exit(2);
