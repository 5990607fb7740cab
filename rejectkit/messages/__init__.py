"""The after-rejection messages: drafts from templates, .eml files and mailto links."""
