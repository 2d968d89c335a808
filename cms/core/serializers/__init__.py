"""How a page is told to the content API: the serializer fields content models
declare in `api_fields`, and the media and references they gather. The
endpoints themselves are in `cms/api/`."""
