from .comment_log import CommentLogEntry
from .comments import Comment, CommentQuerySet, CommentReport
from .pages import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogPostTag, BlogSpacePage

__all__ = [
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "BlogSpacePage",
    "Comment",
    "CommentLogEntry",
    "CommentQuerySet",
    "CommentReport",
]
