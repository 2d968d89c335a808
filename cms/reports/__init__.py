"""The editors' reports in the admin: what each territory still lacks.

Above the content apps and the territories, which it reads; nothing imports it.
"""
